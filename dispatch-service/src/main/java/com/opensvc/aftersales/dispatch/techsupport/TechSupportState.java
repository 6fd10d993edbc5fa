package com.opensvc.aftersales.dispatch.techsupport;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** DSP-06, INT-23: a technical support request's states and the one table of legal transitions (409 otherwise). */
public enum TechSupportState {
    /** Waiting for engineering's answer. */
    OPEN,
    /** Engineering recorded a solution; a NOT_FIXED request's work order has its follow-up visit. */
    SOLVED,
    /** Closed without a solution, with the reason (withdrawn, duplicate, answered elsewhere). */
    CLOSED;

    private static final Map<TechSupportState, Set<TechSupportState>> LEGAL = Map.of(
            OPEN, EnumSet.of(SOLVED, CLOSED),
            SOLVED, EnumSet.noneOf(TechSupportState.class),
            CLOSED, EnumSet.noneOf(TechSupportState.class));

    public boolean canBecome(TechSupportState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public TechSupportState requireTransitionTo(TechSupportState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("technical support request", name(), "become " + target);
        }
        return target;
    }
}
