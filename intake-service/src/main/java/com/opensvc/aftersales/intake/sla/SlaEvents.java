package com.opensvc.aftersales.intake.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the SLA clocks publish to {@code aftersales.intake.ticket}; the schemas are the contract. */
final class SlaEvents {
    static final String AGGREGATE = "intake.ticket";

    private SlaEvents() {
    }

    record SlaBreached(UUID ticketId, String ticketNumber, String clock, Instant dueAt, Instant breachedAt,
                       int escalationLevel, List<String> notifyRoles, String actor, Instant occurredAt) {
    }

    record TicketEscalated(UUID ticketId, String ticketNumber, int level, List<String> notifyRoles, String reason,
                           String actor, Instant occurredAt) {
    }
}
