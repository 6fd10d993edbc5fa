package com.opensvc.aftersales.quality.alert;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * QLT-06: an alert is RAISED when a key crosses its threshold, ACKNOWLEDGED by quality while the crossing lasts, and
 * CLEARED when the failures in the window fell back to the threshold (the key is re-armed: a later crossing is a new
 * alert). The one table of legal transitions.
 */
public enum AlertState {
    RAISED, ACKNOWLEDGED, CLEARED;

    private static final Map<AlertState, Set<AlertState>> LEGAL = Map.of(
            RAISED, EnumSet.of(ACKNOWLEDGED, CLEARED),
            ACKNOWLEDGED, EnumSet.of(CLEARED),
            CLEARED, EnumSet.noneOf(AlertState.class));

    /** The crossing lasts: no new alert for the key. */
    public boolean open() {
        return this != CLEARED;
    }

    public boolean canBecome(AlertState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public AlertState requireTransitionTo(AlertState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("quality alert", name(), attempted);
        }
        return target;
    }
}
