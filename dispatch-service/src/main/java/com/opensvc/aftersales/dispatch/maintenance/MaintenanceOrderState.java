package com.opensvc.aftersales.dispatch.maintenance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * A maintenance order's states and the one table of legal transitions: generated DUE (or ASSIGNED at once to the
 * plan's technician), ASSIGNED by the supervisor (again, to reassign), DONE with the signed inspection record,
 * CANCELLED when its plan ends.
 */
public enum MaintenanceOrderState {
    DUE, ASSIGNED, DONE, CANCELLED;

    private static final Map<MaintenanceOrderState, Set<MaintenanceOrderState>> LEGAL = Map.of(
            DUE, EnumSet.of(ASSIGNED, CANCELLED),
            ASSIGNED, EnumSet.of(ASSIGNED, DONE, CANCELLED),
            DONE, EnumSet.noneOf(MaintenanceOrderState.class),
            CANCELLED, EnumSet.noneOf(MaintenanceOrderState.class));

    public boolean open() {
        return this == DUE || this == ASSIGNED;
    }

    MaintenanceOrderState requireTransitionTo(MaintenanceOrderState target) {
        if (!LEGAL.get(this).contains(target)) {
            throw new StateConflictException("maintenance order", name(), "become " + target);
        }
        return target;
    }
}
