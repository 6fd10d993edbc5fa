package com.opensvc.aftersales.intake.quote;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.ticket.PaidServiceGate;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/** INT-08: a PAID ticket, or any ticket waiting on a quote, is accepted only with an approved quote. */
@Component
@RequiredArgsConstructor
class ApprovedQuoteGate implements PaidServiceGate {
    private final QuoteRepository quotes;

    @Override
    public boolean hasApprovedQuote(UUID ticketId) {
        return quotes.current(ticketId).map(quote -> quote.state() == QuoteState.APPROVED).orElse(false);
    }

    @Override
    public void requireApprovedQuote(Ticket ticket) {
        if (ticket.entitlement() != Entitlement.PAID && ticket.state() != TicketState.AWAITING_QUOTE) {
            return;
        }
        Quote current = quotes.current(ticket.id()).orElseThrow(() -> new StateConflictException("ticket",
                ticket.state().name(), "become ACCEPTED: paid service needs a quote accepted by the customer and "
                + "approved (INT-08), and none has been issued"));
        if (current.state() != QuoteState.APPROVED) {
            throw new StateConflictException("ticket", ticket.state().name(), "become ACCEPTED: its quote " + current.id()
                    + " is " + current.state() + " and must be APPROVED first (INT-08)");
        }
    }
}
