package com.opensvc.aftersales.dispatch.review;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * INT-26: where a finished work order is in its review (intake's complaint forms have the same states). A COMPLETED
 * order is submitted; a supervisor locks it or returns it as faulty; a returned or unlocked order is corrected and
 * submitted again.
 */
public enum ReviewState {
    NOT_SUBMITTED,
    SUBMITTED,
    RETURNED_FAULTY,
    LOCKED,
    UNLOCKED;

    public boolean canSubmit() {
        return this == NOT_SUBMITTED || this == RETURNED_FAULTY || this == UNLOCKED;
    }

    /** A resubmission names what was corrected: after a faulty return, or after an unlock. */
    public boolean submissionNeedsCorrection() {
        return this == RETURNED_FAULTY || this == UNLOCKED;
    }

    void requireSubmittable() {
        if (!canSubmit()) {
            throw new StateConflictException("work order review", name(), "be submitted for review");
        }
    }

    void requireReviewable() {
        if (this != SUBMITTED) {
            throw new StateConflictException("work order review", name(), "be reviewed: it is not submitted");
        }
    }

    void requireUnlockable() {
        if (this != LOCKED) {
            throw new StateConflictException("work order review", name(), "be unlocked: it is not locked");
        }
    }
}
