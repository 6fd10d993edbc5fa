package com.opensvc.aftersales.dispatch.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** The work order's states and the one table of legal transitions. */
public enum WorkOrderState {
    /** Created; waits for the supervisor to confirm the proposed technician (DSP-02). */
    NEW,
    /** Assigned; the expected parts are requested and not yet issued (DSP-03). */
    AWAITING_PARTS,
    /** Assigned with the parts in hand (or none expected): the technician can go. */
    READY,
    COMPLETED,
    CANCELLED;

    private static final Map<WorkOrderState, Set<WorkOrderState>> LEGAL = Map.of(
            NEW, EnumSet.of(AWAITING_PARTS, READY, CANCELLED),
            AWAITING_PARTS, EnumSet.of(READY, CANCELLED),
            READY, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(WorkOrderState.class),
            CANCELLED, EnumSet.noneOf(WorkOrderState.class));

    public boolean canBecome(WorkOrderState target) {
        return LEGAL.get(this).contains(target);
    }

    public WorkOrderState requireTransitionTo(WorkOrderState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("work order", name(), "become " + target);
        }
        return target;
    }
}
