package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/** Events on {@code aftersales.revisit.revisit}, keyed by ticket (EVT-02); platform/contracts holds their schemas. */
public interface RevisitEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "revisit.revisit";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }

    /**
     * A happy call (REV-01) has its work order; a complaint revisit (REV-02) has its complaint and no work order, its
     * complaint type, the answered calls it needs and the REV-03 deadline of its first call (null for a happy call).
     */
    record RevisitScheduled(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                            Selection selection, Instant dueBy, String technicianId, ComplaintType complaintType,
                            int requiredCalls, Instant remedyDeadline, String actor, Instant occurredAt)
            implements RevisitEvent {
    }

    /**
     * REV-03, REV-05: an answered call of a revisit that needs another; the revisit stays open (intake's timeline
     * shows it, it closes nothing).
     *
     * @param callNumber    the answered call (1, 2, …)
     * @param requiredCalls answered calls the revisit needs now (a service complaint's neutral first answer adds one)
     * @param nextDueBy     when the next call is due
     * @param late          the call was made after its deadline
     */
    record RevisitCallRecorded(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                               ComplaintType complaintType, int callNumber, int requiredCalls, Satisfaction overall,
                               Instant nextDueBy, boolean late, SurveyScores survey, String actor, Instant occurredAt)
            implements RevisitEvent {
    }

    /** REV-01: the decision for a completed work order that is not called back. */
    record RevisitNotRequired(UUID ticketId, UUID workOrderId, String technicianId, NotRequiredReason reason,
                              double samplingRate, String actor, Instant occurredAt) implements RevisitEvent {
    }

    /** Why no revisit is required. */
    enum NotRequiredReason {
        NOT_SAMPLED
    }

    /**
     * REV-04, REV-07: the answers of a revisit's survey, for the technicians' scorecards (DSP-10) and statistics; the
     * free text stays in revisit.
     */
    record SurveyScores(Satisfaction serviceQuality, Satisfaction technicalSkill, Boolean chargeReasonable,
                        Satisfaction punctuality, Satisfaction overall) {
        static SurveyScores of(SurveyAnswers answers) {
            return new SurveyScores(answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(),
                    answers.punctuality(), answers.overall());
        }
    }

    /** @param technicianId the technician a happy call is about (REV-07); null for a complaint revisit */
    record RevisitCompleted(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                            String technicianId, Satisfaction satisfaction, boolean flaggedForReview,
                            SurveyScores survey, String actor, Instant occurredAt) implements RevisitEvent {
    }

    record CustomerDissatisfied(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                                String technicianId, SurveyScores survey, String comment, String actor,
                                Instant occurredAt) implements RevisitEvent {
    }

    /** REV-06: nobody answered the allowed attempts on different days; counts as done for closing, and is reported. */
    record RevisitUnreachable(UUID revisitId, UUID ticketId, UUID workOrderId, UUID complaintId, String kind,
                              String technicianId, int attempts, String actor, Instant occurredAt)
            implements RevisitEvent {
    }
}
