package com.opensvc.aftersales.intake.pending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketState;

/** INT-14 events on {@code aftersales.intake.ticket}, keyed by ticket id; the schemas in platform/contracts are the contract. */
final class PendingEvents {
    private PendingEvents() {
    }

    /** A manager approved the pending item: the ticket is PENDING and its SLA clocks pause from now (SLA-05). */
    record TicketPending(UUID ticketId, String ticketNumber, UUID pendingItemId, PendingReason reason,
                         LocalDate customerDate, TicketState fromState, String proposedBy, String approvedBy,
                         String actor, Instant occurredAt) implements TicketEvent {
    }

    /** The ticket left PENDING for the state it came from; its clocks run again. */
    record TicketResumed(UUID ticketId, String ticketNumber, UUID pendingItemId, TicketState toState, Instant pausedAt,
                         long pausedSeconds, String actor, Instant occurredAt) implements TicketEvent {
    }
}
