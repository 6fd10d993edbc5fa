package com.opensvc.aftersales.dispatch.maintenance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** A maintenance plan's states (never hard-deleted, SEC-05): suspended plans generate nothing; ended is final. */
public enum PlanState {
    ACTIVE, SUSPENDED, ENDED;

    private static final Map<PlanState, Set<PlanState>> LEGAL = Map.of(
            ACTIVE, EnumSet.of(SUSPENDED, ENDED),
            SUSPENDED, EnumSet.of(ACTIVE, ENDED),
            ENDED, EnumSet.noneOf(PlanState.class));

    PlanState requireTransitionTo(PlanState target) {
        if (!LEGAL.get(this).contains(target)) {
            throw new StateConflictException("maintenance plan", name(), "become " + target);
        }
        return target;
    }
}
