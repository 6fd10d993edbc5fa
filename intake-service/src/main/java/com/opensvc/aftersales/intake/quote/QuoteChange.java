package com.opensvc.aftersales.intake.quote;

import java.time.Instant;
import java.util.List;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketState;

/**
 * What a quote transition caused: the quote after it ({@code created} for a new issue or revision), its line on the
 * ticket's timeline ({@code action} by {@code actor} at {@code at}; none when {@code action} is null), the ticket
 * state it implies, and the events it publishes. {@link QuoteRepository#save} writes the quote and its events.
 *
 * @param ticketTarget the state the ticket moves to with the line (INT-08: AWAITING_QUOTE on the first quote,
 *                     DECLINED_PAID_SERVICE when declined or expired); null when the ticket stays as it is
 * @param approved     the quote got its last approval with this change (QuoteApproved; a ticket waiting for it after
 *                     acceptance goes back to work, INT-07)
 */
record QuoteChange(Quote quote, boolean created, String action, String actor, Instant at, String detail,
                   TicketState ticketTarget, List<TicketEvent> events, boolean approved) {

    /** A change of an issued quote, with its timeline line; the ticket stays as it is. */
    static QuoteChange of(Quote quote, String action, String actor, Instant at, String detail, TicketEvent... events) {
        return new QuoteChange(quote, false, action, actor, at, detail, null, List.of(events), false);
    }

    /** A change the quote's own record holds, without a line on the ticket's timeline or an event (a superseded quote). */
    static QuoteChange unannounced(Quote quote) {
        return new QuoteChange(quote, false, null, null, null, null, null, List.of(), false);
    }

    /** The same change of a quote issued just now (inserted, not updated). */
    QuoteChange issued() {
        return new QuoteChange(quote, true, action, actor, at, detail, ticketTarget, events, approved);
    }

    /** The same change, the quote's last approval (it publishes QuoteApproved). */
    QuoteChange approvedNow() {
        return new QuoteChange(quote, created, action, actor, at, detail, ticketTarget, events, true);
    }

    /** The same change, moving the ticket to {@code target} with its line (null: the ticket stays as it is). */
    QuoteChange movingTicketTo(TicketState target) {
        return new QuoteChange(quote, created, action, actor, at, detail, target, events, approved);
    }
}
