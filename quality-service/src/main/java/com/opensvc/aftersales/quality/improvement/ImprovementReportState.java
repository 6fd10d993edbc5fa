package com.opensvc.aftersales.quality.improvement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * QLT-05: the improvement report's states and the one table of legal transitions. ACTIONS_ASSIGNED → ACTIONS_ASSIGNED
 * is an ineffective verification (new actions needed) and the new round of actions that answers it.
 */
public enum ImprovementReportState {
    OPEN, ANALYSED, ACTIONS_ASSIGNED, VERIFIED, CLOSED;

    private static final Map<ImprovementReportState, Set<ImprovementReportState>> LEGAL = Map.of(
            OPEN, EnumSet.of(ANALYSED),
            ANALYSED, EnumSet.of(ACTIONS_ASSIGNED),
            ACTIONS_ASSIGNED, EnumSet.of(ACTIONS_ASSIGNED, VERIFIED),
            VERIFIED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ImprovementReportState.class));

    public boolean canBecome(ImprovementReportState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public ImprovementReportState requireTransitionTo(ImprovementReportState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("improvement report", name(), attempted);
        }
        return target;
    }
}
