package com.opensvc.aftersales.quality.ticketfact;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What quality reads of intake's TicketAccepted for its reports: the customer, region and unit. */
public record TicketAccepted(@NotNull UUID ticketId, String ticketNumber, String kind, UUID customerId,
                             UUID installedProductId, String customerRegion, String productModel, String serialNumber,
                             TicketRegistered.Referrer referredBy, @NotNull Instant occurredAt) {
}
