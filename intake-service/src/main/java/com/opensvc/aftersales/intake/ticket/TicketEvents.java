package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.entitlement.Entitlement;

/** The ticket's own events on {@code aftersales.intake.ticket}; the schemas in platform/contracts are the contract. */
final class TicketEvents {
    private TicketEvents() {
    }

    /**
     * INT-23: {@code faultDescription} only on a ticket routed to ENGINEERING (it is engineering's question), else null.
     * QLT-03: {@code referredBy} who forwarded an INTERNAL_REFERRAL, else null.
     */
    record TicketRegistered(UUID ticketId, String ticketNumber, Channel channel, ServiceType serviceType,
                            String productModel, String productLine, String entitlement, TicketKind kind,
                            TicketCategory category, Priority priority, Classification.Route routedTo,
                            boolean customerBlocked, List<UUID> possibleDuplicateOf, List<String> complaintSubjects,
                            String actor, Instant occurredAt, String faultDescription, Referrer referredBy)
            implements TicketEvent {
    }

    record TicketCancelled(UUID ticketId, String ticketNumber, String reason, UUID mergedIntoTicketId, String actor,
                           Instant occurredAt) implements TicketEvent {
    }

    record TicketAccepted(UUID ticketId, String ticketNumber, ServiceType serviceType, String entitlement,
                          String customerRegion, String productLine, String productModel, String serialNumber,
                          List<ExpectedPart> expectedParts, Priority priority, boolean qualityMustReport,
                          TicketKind kind, UUID customerId, UUID installedProductId, SiteContact site, String actor,
                          Instant occurredAt, Referrer referredBy) implements TicketEvent {
    }

    record TicketResolved(UUID ticketId, String ticketNumber, UUID workOrderId, String actor, Instant occurredAt)
            implements TicketEvent {
    }

    /** INT-07: the entitlement of an accepted ticket changed; {@code quoteRequired}: PAID without an approved quote. */
    record EntitlementChanged(UUID ticketId, String ticketNumber, Entitlement previousEntitlement,
                              Entitlement entitlement, String reason, boolean quoteRequired, String actor,
                              Instant occurredAt) implements TicketEvent {
    }

    record TicketClosed(UUID ticketId, String ticketNumber, String closedBecause, String actor, Instant occurredAt)
            implements TicketEvent {
    }
}
