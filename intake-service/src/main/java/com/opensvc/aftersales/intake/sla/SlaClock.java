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
}
