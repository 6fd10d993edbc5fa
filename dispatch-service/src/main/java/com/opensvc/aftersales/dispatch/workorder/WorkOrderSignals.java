package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.UUID;

/**
 * What a work order's transitions tell the other features of dispatch in-process only (they are not published to
 * Kafka): the visit clocks pause, resume and stop on them (SLA-05, DSP-08), inside the work order's transaction.
 */
public final class WorkOrderSignals {
    private WorkOrderSignals() {
    }

    /** Why a work order's visit clocks are paused; each reason pauses and resumes on its own. */
    public enum PauseReason {
        /** SLA-05: the ticket is PENDING (intake's TicketPending until TicketResumed). */
        TICKET_PENDING,
        /** INT-07: the work order is ON_HOLD after an entitlement change (AWAITING_QUOTE when a quote is needed). */
        WORK_ORDER_ON_HOLD
    }

    public record ClocksPaused(UUID workOrderId, PauseReason reason, Instant at) {
    }

    public record ClocksResumed(UUID workOrderId, PauseReason reason, Instant at) {
    }

    /** The order was cancelled: its running clocks have no deadline left. */
    public record WorkOrderCancelled(UUID workOrderId, String actor, Instant at) {
    }
}
