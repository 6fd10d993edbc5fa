package com.opensvc.aftersales.intake.pending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketState;

/** A pending-item proposal and, once approved, its ledger entry and the pause it put on the ticket (INT-14, SLA-05). */
public record PendingItem(UUID id, UUID ticketId, String ticketNumber, UUID customerId, PendingReason reason,
                          String explanation, LocalDate customerDate, PendingItemState state, String proposedBy,
                          Instant proposedAt, String decidedBy, Instant decidedAt, String declineReason,
                          TicketState fromState, Instant pausedAt, String resumedBy, Instant resumedAt,
                          TicketState resumedTo, Long pausedSeconds, int version) {
}
