package com.opensvc.aftersales.intake.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
}
