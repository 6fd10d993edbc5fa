package com.opensvc.aftersales.dispatch.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * INT-26: a work order's review as the supervisor sees it: where it is, whether it is locked and by whom, whether it
 * was ever returned as faulty (the order stays marked), and its whole review history.
 *
 * @param cycle        the review cycle (one per first submission)
 * @param markedFaulty the order was returned as faulty at least once (counted in the year-end assessment)
 */
public record WorkOrderReviewView(UUID workOrderId, UUID ticketId, String technicianId, String workOrderState,
                                  ReviewState reviewState, boolean locked, int cycle, String lockedBy,
                                  Instant lockedAt, String lastChangedBy, Instant lastChangedAt, boolean markedFaulty,
                                  int faultyReturns, List<Review> history) {

    /** One submission, faulty return, lock or unlock; {@code snapshot} is the order as locked (LOCKED rows). */
    public record Review(long id, int cycle, String action, String actor, Instant at, List<String> reasons,
                         String correction, String faultyTechnician, Integer faultyYear, JsonNode snapshot) {
    }
}
