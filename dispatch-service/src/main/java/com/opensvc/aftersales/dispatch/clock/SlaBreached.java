package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SLA-06 / DSP-08: a visit clock passed its due time. Published to {@code aftersales.dispatch.workorder}, keyed by the
 * ticket; the schema (SlaBreached.v1) is shared with intake's own clocks, which leave workOrderId/technicianId out.
 */
record SlaBreached(UUID ticketId, UUID workOrderId, String clock, Instant dueAt, Instant breachedAt,
                   String technicianId, int escalationLevel, List<String> notifyRoles, String actor,
                   Instant occurredAt) {
    static final String TYPE = "SlaBreached";
    static final String AGGREGATE = "dispatch.workorder";
    /**
     * SLA-06 level 1: customer service director, service advisor (customer manager), revisit agent; dispatch adds the
     * after-sales supervisor, who dispatched the order and can hand it to someone else.
     */
    static final List<String> LEVEL_1_ROLES = List.of("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT", "SUPERVISOR");
}
