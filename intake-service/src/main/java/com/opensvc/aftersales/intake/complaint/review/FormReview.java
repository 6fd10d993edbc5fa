package com.opensvc.aftersales.intake.complaint.review;

import static com.opensvc.aftersales.intake.complaint.review.FormReviewState.LOCKED;
import static com.opensvc.aftersales.intake.complaint.review.FormReviewState.NOT_SUBMITTED;
import static com.opensvc.aftersales.intake.complaint.review.FormReviewState.RETURNED_FAULTY;
import static com.opensvc.aftersales.intake.complaint.review.FormReviewState.SUBMITTED;
import static com.opensvc.aftersales.intake.complaint.review.FormReviewState.UNLOCKED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.intake.complaint.ComplaintStep;
import com.opensvc.aftersales.intake.complaint.review.FormReviewChange.ReviewEntry;
import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * INT-26: the review of a complaint's finished form — its state and review cycle, and who changed it last. Each step
 * guards the state ({@link FormReviewState}) and returns what it caused, a {@link FormReviewChange}.
 */
record FormReview(UUID complaintId, UUID ticketId, FormReviewState state, int cycle, String changedBy,
                  Instant changedAt) {

    /** A form never submitted: no review row yet. */
    static FormReview notSubmitted(UUID complaintId, UUID ticketId) {
        return new FormReview(complaintId, ticketId, NOT_SUBMITTED, 0, null, null);
    }

    boolean locked() {
        return state == LOCKED;
    }

    /** The desk hands the finished form in; after a faulty return or an unlock it names the correction. */
    FormReviewChange submit(String correction, String actor, Instant now) {
        state.requireSubmittable();
        if (state.submissionNeedsCorrection() && blank(correction)) {
            throw new InvalidFieldException("correction", "a form that was " + state
                    + " is submitted again with what was corrected");
        }
        int submitted = state == NOT_SUBMITTED ? cycle + 1 : cycle;
        return change(SUBMITTED, submitted, ReviewEntry.submitted(blank(correction) ? null : correction.trim()), actor,
                now, "FORM_REVIEW_SUBMITTED", "complaint form submitted for review (cycle " + submitted + ")"
                        + (blank(correction) ? "" : "; corrected: " + correction.trim()));
    }

    /** The supervisor locks the reviewed form; {@code snapshot} is the form as locked. */
    FormReviewChange lock(String reason, String snapshot, String actor, Instant now) {
        state.requireReviewable();
        return change(LOCKED, cycle, ReviewEntry.locked(blank(reason) ? null : reason.trim(), snapshot), actor, now,
                "FORM_LOCKED", "complaint form reviewed and locked" + (blank(reason) ? "" : ": " + reason.trim()));
    }

    /** The supervisor returns the form as faulty against the person responsible, counted for the year (in {@code zone}). */
    FormReviewChange returnFaulty(String reason, String faultyPerson, ComplaintStep faultyStep, ZoneId zone,
                                  String actor, Instant now) {
        state.requireReviewable();
        int year = LocalDate.ofInstant(now, zone).getYear();
        return change(RETURNED_FAULTY, cycle, ReviewEntry.returnedFaulty(reason.trim(), faultyPerson.trim(), faultyStep,
                year), actor, now, "FORM_RETURNED_FAULTY", "complaint form returned as faulty: " + reason.trim()
                + "; fault of " + faultyPerson.trim() + " at " + faultyStep + ", counted for " + year);
    }

    /** Unlocking is the service director's (or an administrator's), with a reason. */
    FormReviewChange unlock(String reason, String actor, Instant now) {
        state.requireUnlockable();
        return change(UNLOCKED, cycle, ReviewEntry.unlocked(reason.trim()), actor, now, "FORM_UNLOCKED",
                "complaint form unlocked: " + reason.trim());
    }

    /**
     * INT-19: a reopen ends the current review cycle (and lock); the next submission starts a new one. Empty for a
     * form never submitted.
     */
    Optional<FormReviewChange> reopen(String actor, Instant at) {
        if (state == NOT_SUBMITTED) {
            return Optional.empty();
        }
        String reason = "customer dissatisfied (INT-19): the complaint is handled again and its form reviewed anew"
                + (locked() ? "; the form as locked stays in this history" : "");
        return Optional.of(change(NOT_SUBMITTED, cycle, ReviewEntry.reopened(reason), actor, at, "FORM_REVIEW_REOPENED",
                reason));
    }

    private FormReviewChange change(FormReviewState next, int nextCycle, ReviewEntry entry, String actor, Instant at,
                                    String timelineAction, String detail) {
        return new FormReviewChange(new FormReview(complaintId, ticketId, next, nextCycle, actor, at), entry,
                timelineAction, detail);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
