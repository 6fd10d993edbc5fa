package com.opensvc.aftersales.intake.ticket;

import java.util.UUID;

/**
 * INT-08: a paid repair is not accepted for dispatch until its quote is accepted by the customer and approved.
 * Implemented by the quote feature; the ticket package only asks.
 */
public interface PaidServiceGate {
    /** @throws com.opensvc.aftersales.web.StateConflictException when the ticket needs an approved quote and has none */
    void requireApprovedQuote(Ticket ticket);

    /** INT-07: whether the ticket's current quote is approved (an entitlement change to PAID then needs no new one). */
    boolean hasApprovedQuote(UUID ticketId);
}
