package com.opensvc.aftersales.revisit.review;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * INT-26: where a finished revisit is in its review, and the one table of legal moves (dispatch's work orders and
 * intake's complaint forms have the same states). A finished revisit is submitted; a supervisor locks it or returns it
 * as faulty; a returned revisit is corrected and submitted again; the service director unlocks a locked one, which is
 * then corrected and submitted again.
 */
public enum RevisitReviewState {
    NOT_SUBMITTED, SUBMITTED, RETURNED_FAULTY, LOCKED, UNLOCKED;

    private static final Map<RevisitReviewState, Set<RevisitReviewState>> LEGAL = Map.of(
            NOT_SUBMITTED, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(LOCKED, RETURNED_FAULTY),
            RETURNED_FAULTY, EnumSet.of(SUBMITTED),
            LOCKED, EnumSet.of(UNLOCKED),
            UNLOCKED, EnumSet.of(SUBMITTED));

    public boolean canBecome(RevisitReviewState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current review state) when the table does not allow it */
    public RevisitReviewState requireTransitionTo(RevisitReviewState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("revisit review", name(), attempted);
        }
        return target;
    }

    /** A resubmission says what was corrected: after a faulty return or an unlock. */
    public boolean submissionNeedsCorrection() {
        return this == RETURNED_FAULTY || this == UNLOCKED;
    }

    /** The recording agent may correct the survey only while the revisit is back with them. */
    public boolean allowsCorrection() {
        return this == RETURNED_FAULTY || this == UNLOCKED;
    }
}
