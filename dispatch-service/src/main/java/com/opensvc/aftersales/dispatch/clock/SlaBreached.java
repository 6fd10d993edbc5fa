package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * SLA-06 / DSP-08: a visit clock passed its due time. Published to {@code aftersales.dispatch.workorder}, keyed by the
 * ticket; the schema (SlaBreached.v1) is shared with intake's own clocks, which leave workOrderId/technicianId out.
 */
record SlaBreached(UUID ticketId, UUID workOrderId, VisitClockKind clock, Instant dueAt, Instant breachedAt,
                   String technicianId, int escalationLevel, List<String> notifyRoles, String actor,
                   Instant occurredAt) implements WorkOrderEvent {
    /**
     * SLA-06 level 1: customer service director, service advisor (customer manager), revisit agent; dispatch adds the
     * after-sales supervisor, who dispatched the order and can hand it to someone else.
     */
    static final List<String> LEVEL_1_ROLES = List.of("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT", "SUPERVISOR");

    /** The first escalation of an overdue clock, breached {@code at}. */
    static SlaBreached firstLevel(VisitClockRepository.Overdue overdue, Instant at, String actor) {
        return new SlaBreached(overdue.ticketId(), overdue.workOrderId(), overdue.kind(), overdue.dueAt(), at,
                overdue.technician(), 1, LEVEL_1_ROLES, actor, at);
    }
}
