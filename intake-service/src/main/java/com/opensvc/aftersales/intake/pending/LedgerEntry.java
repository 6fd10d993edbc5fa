package com.opensvc.aftersales.intake.pending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketState;

/** One line of the pending-items ledger (未了事宜台帳, INT-14), with the round contacts made about it. */
public record LedgerEntry(UUID pendingItemId, UUID ticketId, String ticketNumber, TicketState ticketState,
                          UUID customerId, String customerName, PendingReason reason, String explanation,
                          LocalDate customerDate, String proposedBy, Instant proposedAt, String approvedBy,
                          Instant approvedAt, Instant resumedAt, LedgerState state, List<RoundContact> contacts) {

    LedgerEntry withContacts(List<RoundContact> roundContacts) {
        return new LedgerEntry(pendingItemId, ticketId, ticketNumber, ticketState, customerId, customerName, reason,
                explanation, customerDate, proposedBy, proposedAt, approvedBy, approvedAt, resumedAt, state,
                List.copyOf(roundContacts));
    }
}
