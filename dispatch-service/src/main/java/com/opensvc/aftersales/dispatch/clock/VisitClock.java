package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.UUID;

/** A visit clock; {@code pausedAt} is set while it is paused (SLA-05), its due time moves by the pause on resume. */
public record VisitClock(UUID id, UUID workOrderId, UUID ticketId, VisitClockKind kind, Instant startedAt,
                         Instant dueAt, VisitClockState state, Instant metAt, Instant breachedAt, Instant stoppedAt,
                         int version, Instant pausedAt) {
}
