package com.opensvc.aftersales.revisit.happycall;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** The revisit's states and the one table of legal transitions. */
public enum RevisitState {
    SCHEDULED, COMPLETED, DISSATISFIED, UNREACHABLE;

    private static final Map<RevisitState, Set<RevisitState>> LEGAL = Map.of(
            SCHEDULED, EnumSet.of(COMPLETED, DISSATISFIED, UNREACHABLE),
            COMPLETED, EnumSet.noneOf(RevisitState.class),
            DISSATISFIED, EnumSet.noneOf(RevisitState.class),
            UNREACHABLE, EnumSet.noneOf(RevisitState.class));

    public RevisitState requireTransitionTo(RevisitState target) {
        if (!LEGAL.get(this).contains(target)) {
            throw new StateConflictException("revisit", name(), "become " + target);
        }
        return target;
    }
}
