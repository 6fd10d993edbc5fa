package com.opensvc.aftersales.intake.complaint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** The complaint process as states (INT-10, INT-11, INT-15, INT-19): one table of legal moves, each state one step. */
public enum ComplaintState {
    VALIDITY_CHECK(ComplaintStep.VALIDITY),
    REJECTION_PENDING(ComplaintStep.REJECTION_CONFIRMATION),
    REJECTED(null),
    OPINION_PENDING(ComplaintStep.OPINION),
    PLAN_APPROVAL_PENDING(ComplaintStep.PLAN_APPROVAL),
    REVIEW_PENDING(ComplaintStep.REVIEW),
    GM_APPROVAL_PENDING(ComplaintStep.GM_APPROVAL),
    EXECUTION_PENDING(ComplaintStep.EXECUTION),
    FORM_RETURN_PENDING(ComplaintStep.FORM_RETURN),
    DONE(null);

    private static final Map<ComplaintState, Set<ComplaintState>> LEGAL = Map.of(
            VALIDITY_CHECK, EnumSet.of(OPINION_PENDING, REJECTION_PENDING),
            REJECTION_PENDING, EnumSet.of(REJECTED, VALIDITY_CHECK),
            REJECTED, EnumSet.of(VALIDITY_CHECK),
            OPINION_PENDING, EnumSet.of(PLAN_APPROVAL_PENDING, REVIEW_PENDING),
            PLAN_APPROVAL_PENDING, EnumSet.of(REVIEW_PENDING, OPINION_PENDING),
            REVIEW_PENDING, EnumSet.of(GM_APPROVAL_PENDING),
            GM_APPROVAL_PENDING, EnumSet.of(EXECUTION_PENDING, REVIEW_PENDING),
            EXECUTION_PENDING, EnumSet.of(FORM_RETURN_PENDING),
            FORM_RETURN_PENDING, EnumSet.of(DONE),
            DONE, EnumSet.of(VALIDITY_CHECK));

    private final ComplaintStep step;

    ComplaintState(ComplaintStep step) {
        this.step = step;
    }

    /** The step that acts in this state; null for REJECTED and DONE. */
    public ComplaintStep step() {
        return step;
    }

    public boolean canBecome(ComplaintState target) {
        return LEGAL.get(this).contains(target);
    }

    public void requireTransitionTo(ComplaintState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("complaint", name(), "become " + target);
        }
    }
}
