package com.opensvc.aftersales.intake.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * One deadline of a ticket. A PAUSED clock has no due time, only the business time it had left; MET, BREACHED and
 * STOPPED are final.
 */
public record SlaClock(UUID id, UUID ticketId, ClockKind kind, String calendar, State state, Instant startedAt,
                       Instant dueAt, Instant pausedAt, Duration remaining, Instant metAt, Instant breachedAt,
                       Integer level) {

    public enum State {
        RUNNING, PAUSED, MET, BREACHED, STOPPED
    }

    /** A new clock running from {@code startedAt}, due at {@code dueAt}. */
    static SlaClock running(UUID ticketId, ClockKind kind, String calendar, Instant startedAt, Instant dueAt) {
        return new SlaClock(UUID.randomUUID(), ticketId, kind, calendar, State.RUNNING, startedAt, dueAt, null, null,
                null, null, null);
    }

    /** A new clock started while its ticket waits (SLA-05): paused at {@code pausedAt} with {@code remaining} left. */
    static SlaClock paused(UUID ticketId, ClockKind kind, String calendar, Instant startedAt, Instant pausedAt,
                           Duration remaining) {
        return new SlaClock(UUID.randomUUID(), ticketId, kind, calendar, State.PAUSED, startedAt, null, pausedAt,
                remaining, null, null, null);
    }

    /**
     * SLA-06: the deadline passed unmet by {@code at}: the clock is BREACHED at escalation {@code level} (the ticket's
     * breached deadlines so far, this one included), publishes SlaBreached and TicketEscalated and puts both on the
     * ticket's timeline. Only a RUNNING clock due by {@code at} breaches; a PAUSED one has no due time (SLA-05).
     */
    SlaBreach breach(String ticketNumber, int level, String actor, Instant at) {
        if (state != State.RUNNING) {
            throw new StateConflictException("SLA clock " + kind, state.name(), "breach");
        }
        if (dueAt.isAfter(at)) {
            throw new StateConflictException("SLA clock " + kind, "due at " + dueAt, "breach at " + at);
        }
        SlaClock breached = new SlaClock(id, ticketId, kind, calendar, State.BREACHED, startedAt, dueAt, pausedAt,
                remaining, metAt, at, level);
        TicketEscalated escalated = TicketEscalated.toLevel(ticketId, ticketNumber, level,
                kind + " deadline breached (SLA-06)", actor, at);
        SlaBreached event = new SlaBreached(ticketId, ticketNumber, kind.name(), dueAt, at, level,
                escalated.notifyRoles(), actor, at);
        return new SlaBreach(breached, List.of(event, escalated), List.of(
                new TicketService.Note(ticketId, "SLA_BREACHED", actor, at, kind + " was due " + dueAt),
                new TicketService.Note(ticketId, "ESCALATED", actor, at,
                        "level " + level + ", notifying " + escalated.notifyRoles() + " (SLA-06)")));
    }
}
