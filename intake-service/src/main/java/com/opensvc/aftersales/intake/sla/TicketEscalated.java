package com.opensvc.aftersales.intake.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;

/**
 * SLA-06, INT-19: the ticket's escalation rose to {@code level} — a deadline was breached, or the customer stayed
 * dissatisfied — and the level's roles are notified.
 */
public record TicketEscalated(UUID ticketId, String ticketNumber, int level, List<String> notifyRoles, String reason,
                              String actor, Instant occurredAt) implements TicketEvent {

    /** The escalation to {@code level}, notifying the roles SLA-06 names for it. */
    public static TicketEscalated toLevel(UUID ticketId, String ticketNumber, int level, String reason, String actor,
                                          Instant occurredAt) {
        return new TicketEscalated(ticketId, ticketNumber, level, Escalation.rolesFor(level), reason, actor, occurredAt);
    }
}
