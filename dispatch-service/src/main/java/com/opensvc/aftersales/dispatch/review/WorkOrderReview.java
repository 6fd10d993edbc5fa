package com.opensvc.aftersales.dispatch.review;

import static com.opensvc.aftersales.dispatch.review.ReviewState.LOCKED;
import static com.opensvc.aftersales.dispatch.review.ReviewState.NOT_SUBMITTED;
import static com.opensvc.aftersales.dispatch.review.ReviewState.RETURNED_FAULTY;
import static com.opensvc.aftersales.dispatch.review.ReviewState.SUBMITTED;
import static com.opensvc.aftersales.dispatch.review.ReviewState.UNLOCKED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * INT-26: the review of a finished work order — its state, review cycle and who changed it last. Each step guards the
 * state ({@link ReviewState}) and returns what it caused, a {@link ReviewChange}.
 */
record WorkOrderReview(UUID workOrderId, ReviewState state, int cycle, String changedBy, Instant changedAt) {

    static WorkOrderReview notSubmitted(UUID workOrderId) {
        return new WorkOrderReview(workOrderId, NOT_SUBMITTED, 0, null, null);
    }

    boolean locked() {
        return state == LOCKED;
    }

    /** The technician (or a supervisor) hands the finished order in; after a return or an unlock, with the correction. */
    ReviewChange submit(String correction, String actor, Instant now) {
        state.requireSubmittable();
        if (state.submissionNeedsCorrection() && blank(correction)) {
            throw new InvalidFieldException("correction", "a work order that was " + state
                    + " is submitted again with what was corrected");
        }
        int submitted = state == NOT_SUBMITTED ? cycle + 1 : cycle;
        String corrected = blank(correction) ? null : correction.trim();
        return change(SUBMITTED, submitted, new ReviewChange.Entry("SUBMITTED", List.of(), corrected, null, null, null),
                actor, now, "REVIEW_SUBMITTED cycle " + submitted + (corrected == null ? "" : "; corrected: " + corrected));
    }

    /** The supervisor locks the reviewed order; {@code snapshot} is the order as locked. */
    ReviewChange lock(String note, String snapshot, String actor, Instant now) {
        state.requireReviewable();
        List<String> reasons = blank(note) ? List.of() : List.of(note.trim());
        return change(LOCKED, cycle, new ReviewChange.Entry("LOCKED", reasons, null, null, null, snapshot), actor, now,
                "REVIEW_LOCKED" + (reasons.isEmpty() ? "" : ": " + reasons.getFirst()));
    }

    /** The supervisor returns the order as faulty: marked against its technician for the year (in {@code zone}). */
    ReviewChange returnFaulty(List<String> reasons, String technician, ZoneId zone, String actor, Instant now) {
        state.requireReviewable();
        List<String> trimmed = reasons.stream().map(String::trim).toList();
        int year = LocalDate.ofInstant(now, zone).getYear();
        return change(RETURNED_FAULTY, cycle, new ReviewChange.Entry("RETURNED_FAULTY", trimmed, null, technician, year,
                null), actor, now, "REVIEW_RETURNED_FAULTY " + trimmed + "; counted against " + technician + " for " + year);
    }

    /** Unlocking is the service director's, with a reason, and stays on record. */
    ReviewChange unlock(String reason, String actor, Instant now) {
        state.requireUnlockable();
        return change(UNLOCKED, cycle, new ReviewChange.Entry("UNLOCKED", List.of(reason.trim()), null, null, null,
                null), actor, now, "REVIEW_UNLOCKED: " + reason.trim());
    }

    private ReviewChange change(ReviewState next, int nextCycle, ReviewChange.Entry entry, String actor, Instant at,
                                String timelineAction) {
        return new ReviewChange(new WorkOrderReview(workOrderId, next, nextCycle, actor, at), entry, timelineAction);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
