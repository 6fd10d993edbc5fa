package com.opensvc.aftersales.revisit.agenda;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * RPT-03: a customer served in the period (a completed work order) who never answered a revisit.
 *
 * @param ordersServed completed work orders in the period
 * @param lastServedAt the latest completion in the period
 * @param region       the customer's region on the ticket of the latest completion
 * @param tickets      the numbers (or, before intake's event has arrived, the ids) of the tickets served in the period
 */
public record NeverRevisitedCustomer(UUID customerId, long ordersServed, Instant lastServedAt, String region,
                                     List<String> tickets) {
}
