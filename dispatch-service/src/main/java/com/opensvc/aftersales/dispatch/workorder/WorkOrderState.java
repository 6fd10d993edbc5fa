package com.opensvc.aftersales.dispatch.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** The work order's states, the one table of legal transitions and the one place that refuses (409). */
public enum WorkOrderState {
    /**
     * Created, handed back (DSP-04) or returned for an absent main technician (INT-22); waits for the supervisor's
     * review of the proposed technician, or in its region's open pool for a technician's claim (DSP-02).
     */
    NEW,
    /** Assigned; the expected parts are requested and not yet issued (DSP-03). */
    AWAITING_PARTS,
    /** Assigned with the parts in hand (or none expected): the technician can go. */
    READY,
    /**
     * Held after the ticket's entitlement changed after acceptance (INT-07): no visit is recorded, the visit clocks
     * pause; released to the state it was held from (by an approved quote, or by the supervisor), or cancelled.
     */
    ON_HOLD,
    /**
     * DSP-06: the assigned technician's visit did not fix the product; the order waits for engineering's solution to
     * the technical support request, then goes back to READY (or AWAITING_PARTS for the parts the solution names) for a
     * follow-up visit by the same technician. The fix clock keeps running: the customer still waits.
     */
    AWAITING_SUPPORT,
    COMPLETED,
    CANCELLED;

    private static final Map<WorkOrderState, Set<WorkOrderState>> LEGAL = Map.of(
            NEW, EnumSet.of(AWAITING_PARTS, READY, ON_HOLD, CANCELLED),
            AWAITING_PARTS, EnumSet.of(READY, ON_HOLD, CANCELLED, NEW),
            READY, EnumSet.of(COMPLETED, ON_HOLD, CANCELLED, AWAITING_SUPPORT, NEW),
            ON_HOLD, EnumSet.of(NEW, AWAITING_PARTS, READY, CANCELLED, AWAITING_SUPPORT),
            AWAITING_SUPPORT, EnumSet.of(READY, AWAITING_PARTS, ON_HOLD, CANCELLED),
            COMPLETED, EnumSet.noneOf(WorkOrderState.class),
            CANCELLED, EnumSet.noneOf(WorkOrderState.class));

    /** Assigned and still open: the technician's visit milestones (DSP-08) may be recorded; parts may be on their way. */
    private static final Set<WorkOrderState> VISITABLE = EnumSet.of(AWAITING_PARTS, READY);

    public boolean canBecome(WorkOrderState target) {
        return LEGAL.get(this).contains(target);
    }

    /** Completed or cancelled: nothing more happens to the order. */
    public boolean closed() {
        return LEGAL.get(this).isEmpty();
    }

    public WorkOrderState requireTransitionTo(WorkOrderState target) {
        if (!canBecome(target)) {
            throw conflict("become " + target);
        }
        return target;
    }

    /** Refuses a visit milestone unless the order is assigned and still open. */
    public void requireVisitable(String action) {
        if (!VISITABLE.contains(this)) {
            throw conflict(action);
        }
    }

    /** The 409 naming this, the current state, and what was attempted. */
    StateConflictException conflict(String attempted) {
        return new StateConflictException("work order", name(), attempted);
    }
}
