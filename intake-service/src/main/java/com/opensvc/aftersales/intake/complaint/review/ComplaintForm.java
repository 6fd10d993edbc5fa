package com.opensvc.aftersales.intake.complaint.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * INT-26: a complaint's finished form as the desk sees it: where it is in its review, whether it is locked and by
 * whom, whether it was ever returned as faulty (the form stays marked), and its whole review history.
 *
 * @param cycle        the review cycle; a reopen (INT-19) starts the next one at the next submission
 * @param markedFaulty the form was returned as faulty at least once (counted in the year-end assessment)
 */
public record ComplaintForm(UUID ticketId, UUID complaintId, String complaintState, FormReviewState reviewState,
                            boolean locked, int cycle, String lockedBy, Instant lockedAt, String lastChangedBy,
                            Instant lastChangedAt, boolean markedFaulty, int faultyReturns, List<Review> history) {

    /** One submission, review outcome, unlock or reopen; {@code snapshot} is the form as locked (LOCKED rows). */
    public record Review(long id, int cycle, String action, String actor, Instant at, String reason, String correction,
                         String faultyPerson, String faultyStep, Integer faultyYear, JsonNode snapshot) {
    }
}
