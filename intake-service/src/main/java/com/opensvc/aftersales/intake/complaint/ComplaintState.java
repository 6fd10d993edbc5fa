package com.opensvc.aftersales.intake.complaint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.intake.sla.ClockKind;
import com.opensvc.aftersales.web.StateConflictException;

/** The complaint process as states (INT-10, INT-11, INT-15, INT-19): one table of legal moves, each state one step. */
public enum ComplaintState {
    VALIDITY_CHECK(ComplaintStep.VALIDITY, null),
    REJECTION_PENDING(ComplaintStep.REJECTION_CONFIRMATION, null),
    REJECTED(null, null),
    /** The opinion's deadline runs from registration (SLA-03), not from entering this state. */
    OPINION_PENDING(ComplaintStep.OPINION, null),
    PLAN_APPROVAL_PENDING(ComplaintStep.PLAN_APPROVAL, null),
    REVIEW_PENDING(ComplaintStep.REVIEW, ClockKind.REVIEW),
    GM_APPROVAL_PENDING(ComplaintStep.GM_APPROVAL, ClockKind.GM_REPORT),
    EXECUTION_PENDING(ComplaintStep.EXECUTION, ClockKind.EXECUTION),
    FORM_RETURN_PENDING(ComplaintStep.FORM_RETURN, ClockKind.FORM_RETURN),
    DONE(null, null);

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
    private final ClockKind startsDeadline;

    ComplaintState(ComplaintStep step, ClockKind startsDeadline) {
        this.step = step;
        this.startsDeadline = startsDeadline;
    }

    /** The step that acts in this state; null for REJECTED and DONE. */
    public ComplaintStep step() {
        return step;
    }

    /** The SLA-03 deadline that starts when the complaint enters this state; null when none does. */
    public ClockKind startsDeadline() {
        return startsDeadline;
    }

    /** REJECTED and DONE: no step acts any more (until a dissatisfied customer reopens it, INT-19). */
    public boolean ended() {
        return step == null;
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
