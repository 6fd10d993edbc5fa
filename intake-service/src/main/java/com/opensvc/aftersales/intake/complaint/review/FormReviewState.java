package com.opensvc.aftersales.intake.complaint.review;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * INT-26: where a finished complaint form is in its review. A form is submitted once the complaint is DONE; the
 * supervisor locks it or returns it as faulty; a returned or unlocked form is corrected and submitted again.
 */
public enum FormReviewState {
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

    public void requireSubmittable() {
        if (!canSubmit()) {
            throw new StateConflictException("complaint form", name(), "be submitted for review");
        }
    }

    public void requireReviewable() {
        if (this != SUBMITTED) {
            throw new StateConflictException("complaint form", name(), "be reviewed: it is not submitted");
        }
    }

    public void requireUnlockable() {
        if (this != LOCKED) {
            throw new StateConflictException("complaint form", name(), "be unlocked: it is not locked");
        }
    }
}
