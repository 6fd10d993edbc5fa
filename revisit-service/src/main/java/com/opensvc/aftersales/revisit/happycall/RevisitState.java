package com.opensvc.aftersales.revisit.happycall;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** REV-05: the revisit's states and the one table of legal transitions. */
public enum RevisitState {
    SCHEDULED, COMPLETED, DISSATISFIED,
    /** REV-06: no answer after the allowed attempts on different days; counts as done for closing, and is reported. */
    UNREACHABLE;

    private static final Map<RevisitState, Set<RevisitState>> LEGAL = Map.of(
            SCHEDULED, EnumSet.of(COMPLETED, DISSATISFIED, UNREACHABLE),
            COMPLETED, EnumSet.noneOf(RevisitState.class),
            DISSATISFIED, EnumSet.noneOf(RevisitState.class),
            UNREACHABLE, EnumSet.noneOf(RevisitState.class));

    public boolean canBecome(RevisitState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public RevisitState requireTransitionTo(RevisitState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("revisit", name(), "become " + target);
        }
        return target;
    }
}
