package com.opensvc.aftersales.quality.defect;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * QLT-02: a record whose product or part physically came back awaits its analysis (within 7 days of receipt) and is
 * then analysed; a record of a repair done where the unit stays needs no lab analysis. Classification and correction
 * are no state change (allowed in every state). The one table of legal transitions.
 */
public enum DefectState {
    NO_ANALYSIS_NEEDED, AWAITING_ANALYSIS, ANALYSED;

    private static final Map<DefectState, Set<DefectState>> LEGAL = Map.of(
            NO_ANALYSIS_NEEDED, EnumSet.noneOf(DefectState.class),
            AWAITING_ANALYSIS, EnumSet.of(ANALYSED),
            ANALYSED, EnumSet.noneOf(DefectState.class));

    public boolean canBecome(DefectState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public DefectState requireTransitionTo(DefectState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("defect", name(), attempted);
        }
        return target;
    }
}
