package com.opensvc.aftersales.quality.ticketfact;

import java.time.Instant;
import java.util.UUID;

/**
 * What quality knows of a ticket from intake's events (fields are null until the event that carries them arrived).
 *
 * @param referredByName       who forwarded a referral (a salesperson, QLT-03), else null
 * @param referredByDepartment the referrer's department, e.g. SALES
 */
public record TicketFact(UUID ticketId, String ticketNumber, String kind, String category, String channel,
                         String referredByName, String referredByDepartment, UUID customerId, UUID installedProductId,
                         String region, String productModel, String serialNumber, Instant registeredAt,
                         Instant acceptedAt) {
}
