package com.opensvc.aftersales.revisit.review;

import static com.opensvc.aftersales.revisit.review.RevisitReviewState.LOCKED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.NOT_SUBMITTED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.RETURNED_FAULTY;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.SUBMITTED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.UNLOCKED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * INT-26: the review of a finished revisit — its state, review cycle and who changed it last. Each step asks the
 * table ({@link RevisitReviewState}) and returns what it caused, a {@link ReviewChange}.
 */
record RevisitReview(UUID revisitId, RevisitReviewState state, int cycle, String changedBy, Instant changedAt) {

    static RevisitReview notSubmitted(UUID revisitId) {
        return new RevisitReview(revisitId, NOT_SUBMITTED, 0, null, null);
    }

    boolean locked() {
        return state == LOCKED;
    }

    /** The agent hands the finished revisit in; after a faulty return or an unlock, saying what was corrected. */
    ReviewChange submit(String correction, String snapshot, String actor, Instant now) {
        state.requireTransitionTo(SUBMITTED, "be submitted for review");
        if (state.submissionNeedsCorrection() && blank(correction)) {
            throw new InvalidFieldException("correction", "a revisit that was " + state
                    + " is submitted again with what was corrected");
        }
        int submitted = state == NOT_SUBMITTED ? cycle + 1 : cycle;
        String corrected = blank(correction) ? null : correction.trim();
        return change(SUBMITTED, submitted, new ReviewChange.Entry("SUBMITTED", null, corrected, null, null, snapshot),
                actor, now);
    }

    /** The supervisor locks the reviewed revisit; {@code snapshot} is the revisit as locked. */
    ReviewChange lock(String note, String snapshot, String actor, Instant now) {
        state.requireTransitionTo(LOCKED, "be locked: it is not submitted");
        return change(LOCKED, cycle, new ReviewChange.Entry("LOCKED", blank(note) ? null : note.trim(), null, null,
                null, snapshot), actor, now);
    }

    /** The supervisor returns it as faulty: counted against the recording agent in the year of the review. */
    ReviewChange returnFaulty(String reason, String agent, ZoneId zone, String actor, Instant now) {
        state.requireTransitionTo(RETURNED_FAULTY, "be returned: it is not submitted");
        if (blank(reason)) {
            throw new InvalidFieldException("reason", "a faulty return says what is wrong");
        }
        int year = LocalDate.ofInstant(now, zone).getYear();
        return change(RETURNED_FAULTY, cycle, new ReviewChange.Entry("RETURNED_FAULTY", reason.trim(), null, agent,
                year, null), actor, now);
    }

    /** Unlocking is the service director's, with a reason, and stays on record. */
    ReviewChange unlock(String reason, String actor, Instant now) {
        state.requireTransitionTo(UNLOCKED, "be unlocked: it is not locked");
        if (blank(reason)) {
            throw new InvalidFieldException("reason", "an unlock says why");
        }
        return change(UNLOCKED, cycle, new ReviewChange.Entry("UNLOCKED", reason.trim(), null, null, null, null),
                actor, now);
    }

    private ReviewChange change(RevisitReviewState next, int nextCycle, ReviewChange.Entry entry, String actor,
                                Instant at) {
        return new ReviewChange(new RevisitReview(revisitId, next, nextCycle, actor, at), entry);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
