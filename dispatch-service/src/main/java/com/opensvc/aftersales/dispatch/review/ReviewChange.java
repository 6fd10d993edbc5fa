package com.opensvc.aftersales.dispatch.review;

import java.util.List;

/**
 * What a review step caused: the review after it, its row in the append-only review history, and its line on the work
 * order's history ({@code timelineAction}). {@link ReviewRepository#save} writes the review and its history row.
 */
record ReviewChange(WorkOrderReview review, Entry entry, String timelineAction) {

    /** One row of {@code work_order_review_history}, as a step writes it. */
    record Entry(String action, List<String> reasons, String correction, String faultyTechnician, Integer faultyYear,
                 String snapshot) {
        Entry {
            reasons = List.copyOf(reasons);
        }
    }
}
