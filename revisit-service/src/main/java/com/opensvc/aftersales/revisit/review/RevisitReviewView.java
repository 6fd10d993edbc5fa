package com.opensvc.aftersales.revisit.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * INT-26: a revisit's review as the supervisor sees it: where it is, whether it is locked and by whom, whether it was
 * ever returned as faulty (it stays marked), and its whole review history.
 *
 * @param agent        the agent who recorded the revisit (who submits and corrects it, and whom a fault counts against)
 * @param cycle        the review cycle (one per first submission)
 * @param markedFaulty returned as faulty at least once (counted in the year-end assessment)
 */
public record RevisitReviewView(UUID revisitId, UUID ticketId, String agent, String revisitState,
                                RevisitReviewState reviewState, boolean locked, int cycle, String lockedBy,
                                Instant lockedAt, String lastChangedBy, Instant lastChangedAt, boolean markedFaulty,
                                int faultyReturns, List<Step> history) {

    /** One submission, faulty return, lock or unlock; {@code snapshot} is the revisit as submitted or locked. */
    public record Step(long id, int cycle, String action, String actor, Instant at, String reason, String correction,
                       String faultyAgent, Integer faultyYear, JsonNode snapshot) {
    }
}
