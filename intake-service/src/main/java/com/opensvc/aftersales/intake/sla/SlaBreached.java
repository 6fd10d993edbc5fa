package com.opensvc.aftersales.intake.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;

/** SLA-06: a deadline of the ticket passed unmet; the schema is the contract. */
record SlaBreached(UUID ticketId, String ticketNumber, String clock, Instant dueAt, Instant breachedAt,
                   int escalationLevel, List<String> notifyRoles, String actor, Instant occurredAt) implements TicketEvent {
}
