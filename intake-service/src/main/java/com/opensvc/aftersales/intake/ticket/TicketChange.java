package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.List;

/**
 * What a ticket's transition caused, for {@link TicketRepository#save} to write in the caller's transaction: the ticket
 * after it (its row), the lines it puts on the ticket's timeline (INT-18) and the events it publishes (EVT-01); then
 * the in-process events for the features that follow tickets ({@link TicketChanges}).
 *
 * @param before    the ticket as it was loaded; null for a new ticket
 * @param at        when the change happens (the row's {@code updated_at}; the SLA clocks follow a state change from then)
 * @param inProcess in-process events besides {@link TicketStateChanged}, which follows from the states
 */
public record TicketChange(Ticket before, Ticket after, Instant at, List<HistoryLine> history,
                           List<TicketEvent> events, List<Object> inProcess) {

    /** One line of the ticket's own history; {@code from} and {@code to} for a state change, else null. */
    public record HistoryLine(Instant at, String actor, String action, TicketState from, TicketState to, String detail) {
    }

    public TicketChange {
        history = List.copyOf(history);
        events = List.copyOf(events);
        inProcess = List.copyOf(inProcess);
    }

    public TicketChange(Ticket before, Ticket after, Instant at, List<HistoryLine> history,
                        List<? extends TicketEvent> events) {
        this(before, after, at, history, List.copyOf(events), List.of());
    }

    public Ticket ticket() {
        return after;
    }

    boolean isNew() {
        return before == null;
    }

    /** Whether the ticket's row changes (a note changes only its timeline). */
    boolean rowChanged() {
        return before != after;
    }

    boolean stateChanged() {
        return before != null && before.state() != after.state();
    }
}
