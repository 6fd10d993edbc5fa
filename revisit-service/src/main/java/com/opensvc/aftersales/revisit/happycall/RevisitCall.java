package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

/**
 * REV-03, REV-05, REV-06: one call of a revisit, answered (with the survey) or not; kept for good (append-only).
 *
 * @param callNumber which required call it belongs to (1, 2, …): unanswered attempts carry the number of the call
 *                   they try to make
 * @param dueBy      the call's deadline when it was made
 * @param late       made after {@code dueBy}
 */
public record RevisitCall(UUID id, UUID revisitId, int callNumber, boolean answered, Satisfaction serviceQuality,
                          Satisfaction technicalSkill, Boolean chargeReasonable, Satisfaction punctuality,
                          Satisfaction overall, String comment, String agent, Instant calledAt, Instant dueBy,
                          boolean late) {

    static RevisitCall answered(Revisit revisit, SurveyAnswers answers, String agent, Instant now) {
        return new RevisitCall(UUID.randomUUID(), revisit.id(), revisit.answeredCalls() + 1, true,
                answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(), answers.punctuality(),
                answers.overall(), answers.comment(), agent, now, revisit.dueBy(), now.isAfter(revisit.dueBy()));
    }

    static RevisitCall unanswered(Revisit revisit, String agent, Instant now) {
        return new RevisitCall(UUID.randomUUID(), revisit.id(), revisit.answeredCalls() + 1, false, null, null, null,
                null, null, null, agent, now, revisit.dueBy(), now.isAfter(revisit.dueBy()));
    }
}
