package com.opensvc.aftersales.revisit.review;

/**
 * What a review step caused: the review after it and its row in the append-only review history.
 * {@link ReviewRepository#save} writes both in the caller's transaction.
 */
record ReviewChange(RevisitReview review, Entry entry) {

    /** One row of {@code revisit_review_history}, as a step writes it; {@code snapshot} is JSON of the revisit. */
    record Entry(String action, String reason, String correction, String faultyAgent, Integer faultyYear,
                 String snapshot) {
    }
}
