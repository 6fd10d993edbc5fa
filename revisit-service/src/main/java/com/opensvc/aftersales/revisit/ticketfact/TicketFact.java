package com.opensvc.aftersales.revisit.ticketfact;

import java.time.Instant;
import java.util.UUID;

/**
 * What revisit knows of a ticket from intake's TicketRegistered and TicketAccepted; a field is null until the event
 * that carries it has arrived (a complaint handled without acceptance has no customer or region).
 */
public record TicketFact(UUID ticketId, String ticketNumber, String kind, String channel, String category,
                         String productLine, String productModel, String serialNumber, UUID customerId,
                         String region, UUID installedProductId, Instant registeredAt, Instant acceptedAt) {
}
