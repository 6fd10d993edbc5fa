package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.UUID;

public record VisitClock(UUID id, UUID workOrderId, UUID ticketId, VisitClockKind kind, Instant startedAt,
                         Instant dueAt, VisitClockState state, Instant metAt, Instant breachedAt, Instant stoppedAt,
                         int version) {
}
