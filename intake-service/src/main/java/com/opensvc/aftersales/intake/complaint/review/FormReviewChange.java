package com.opensvc.aftersales.intake.complaint.review;

import com.opensvc.aftersales.intake.complaint.ComplaintStep;

/**
 * What a form review step caused: the review after it, its row in the form's review history, and its line on the
 * ticket's timeline ({@code timelineAction}, {@code detail}). {@link FormReviewRepository#save} writes the review and
 * its history row together.
 */
record FormReviewChange(FormReview review, ReviewEntry entry, String timelineAction, String detail) {

    /** One row of the form's append-only review history, as a step writes it. */
    record ReviewEntry(String action, String reason, String correction, String faultyPerson, ComplaintStep faultyStep,
                       Integer faultyYear, String snapshot) {

        static ReviewEntry submitted(String correction) {
            return new ReviewEntry("SUBMITTED", null, correction, null, null, null, null);
        }

        static ReviewEntry locked(String reason, String snapshot) {
            return new ReviewEntry("LOCKED", reason, null, null, null, null, snapshot);
        }

        static ReviewEntry returnedFaulty(String reason, String faultyPerson, ComplaintStep faultyStep, int year) {
            return new ReviewEntry("RETURNED_FAULTY", reason, null, faultyPerson, faultyStep, year, null);
        }

        static ReviewEntry unlocked(String reason) {
            return new ReviewEntry("UNLOCKED", reason, null, null, null, null, null);
        }

        static ReviewEntry reopened(String reason) {
            return new ReviewEntry("REOPENED", reason, null, null, null, null, null);
        }
    }
}
