package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketState;

/**
 * What a complaint transition caused: the complaint after it, its line on the ticket's timeline ({@code action} by
 * {@code actor} at {@code at}), the penalties it decided, the ticket state it implies and the events it publishes.
 * {@link ComplaintRepository#save} writes the complaint, its penalties and its events together.
 *
 * @param step       the step that acted; null for a reopen (INT-19)
 * @param ticketMove the ticket state the change implies (INT-10 rejected, INT-11 resolved, INT-19 reopened), or null
 */
record ComplaintChange(Complaint complaint, ComplaintStep step, String action, String actor, Instant at, String detail,
                       List<Penalty> penalties, TicketMove ticketMove, List<TicketEvent> events) {

    record TicketMove(TicketState target, String detail) {
    }

    /** A change that decides no penalty and moves no ticket (see {@link #deciding}, {@link #movingTicket}). */
    static ComplaintChange of(Complaint complaint, ComplaintStep step, String action, String actor, Instant at,
                              String detail, TicketEvent... events) {
        return new ComplaintChange(complaint, step, action, actor, at, detail, List.of(), null, List.of(events));
    }

    ComplaintChange and(TicketEvent event) {
        List<TicketEvent> more = new ArrayList<>(events);
        more.add(event);
        return new ComplaintChange(complaint, step, action, actor, at, detail, penalties, ticketMove, List.copyOf(more));
    }

    ComplaintChange movingTicket(TicketState target, String moveDetail) {
        return new ComplaintChange(complaint, step, action, actor, at, detail, penalties,
                new TicketMove(target, moveDetail), events);
    }

    ComplaintChange deciding(List<Penalty> decided) {
        return new ComplaintChange(complaint, step, action, actor, at, detail, List.copyOf(decided), ticketMove, events);
    }
}
