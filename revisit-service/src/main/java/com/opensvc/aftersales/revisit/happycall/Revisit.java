package com.opensvc.aftersales.revisit.happycall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

import com.opensvc.aftersales.revisit.happycall.RevisitEvent.CustomerDissatisfied;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitCompleted;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitScheduled;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitUnreachable;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.SurveyScores;

/**
 * A revisit and its REV-05 transitions; each returns the change it causes for the repository to save. A happy call
 * (REV-01) belongs to a work order; a complaint revisit (REV-02) to a complaint's finish.
 */
public record Revisit(UUID id, UUID ticketId, UUID workOrderId, UUID complaintId, String technicianId, String kind,
                      Selection selection, RevisitState state, Instant dueBy, Satisfaction serviceQuality,
                      Satisfaction technicalSkill, Boolean chargeReasonable, Satisfaction punctuality,
                      Satisfaction overall, String comment, String agent, Instant completedAt, int attempts,
                      Instant lastAttemptAt, int version) {
    static final String HAPPY_CALL = "HAPPY_CALL";
    static final String COMPLAINT_REVISIT = "COMPLAINT_REVISIT";
    /** REV-01: the happy call is made within 7 days after the work order is completed. */
    public static final Duration HAPPY_CALL_WINDOW = Duration.ofDays(7);
    /** REV-02: a finished complaint is called within 24 hours. */
    static final Duration COMPLAINT_REVISIT_WINDOW = Duration.ofHours(24);

    /** REV-01: the happy call for a selected completed repair, not yet answered. */
    static RevisitChange scheduleHappyCall(UUID ticketId, UUID workOrderId, String technician, Selection selection,
                                           Instant closedAt, String actor, Instant now) {
        Revisit scheduled = new Revisit(UUID.randomUUID(), ticketId, workOrderId, null, technician, HAPPY_CALL,
                selection, RevisitState.SCHEDULED, closedAt.plus(HAPPY_CALL_WINDOW), null, null, null, null, null,
                null, null, null, 0, null, 0);
        return new RevisitChange(scheduled, now, List.of(scheduled.scheduled(actor, now)));
    }

    /** REV-02: the revisit of a finished complaint, due 24 hours after the finish. */
    static RevisitChange scheduleComplaintRevisit(UUID ticketId, UUID complaintId, Instant finishedAt, String actor,
                                                  Instant now) {
        Revisit scheduled = new Revisit(UUID.randomUUID(), ticketId, null, complaintId, null, COMPLAINT_REVISIT,
                Selection.COMPLAINT, RevisitState.SCHEDULED, finishedAt.plus(COMPLAINT_REVISIT_WINDOW), null, null,
                null, null, null, null, null, null, 0, null, 0);
        return new RevisitChange(scheduled, now, List.of(scheduled.scheduled(actor, now)));
    }

    private RevisitScheduled scheduled(String actor, Instant now) {
        return new RevisitScheduled(id, ticketId, workOrderId, complaintId, kind, selection, dueBy, technicianId, actor,
                now);
    }

    /** REV-04, REV-05: the agent's survey; the overall answer decides the outcome and what intake hears. */
    RevisitChange recordOutcome(SurveyAnswers answers, String agent, Instant now) {
        RevisitState next = state.requireTransitionTo(RevisitOutcome.stateFor(answers.overall()));
        Revisit answered = new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, next,
                dueBy, answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(),
                answers.punctuality(), answers.overall(), answers.comment(), agent, now, attempts, lastAttemptAt,
                version + 1);
        RevisitEvent event = next == RevisitState.DISSATISFIED
                ? new CustomerDissatisfied(id, ticketId, workOrderId, complaintId, kind, technicianId,
                SurveyScores.of(answers), answers.comment(), agent, now)
                : new RevisitCompleted(id, ticketId, workOrderId, complaintId, kind, technicianId, answers.overall(),
                RevisitOutcome.flaggedForReview(answers.overall()), SurveyScores.of(answers), agent, now);
        return new RevisitChange(answered, now, List.of(event));
    }

    /**
     * REV-06: the agent called and nobody answered. Attempts must lie {@code rules.daysApart()} calendar days apart
     * (company time zone); the last allowed one makes the revisit {@code UNREACHABLE} and tells intake.
     */
    RevisitChange recordUnansweredCall(CallAttempts rules, ZoneId zone, String agent, Instant now) {
        if (state != RevisitState.SCHEDULED) {
            throw new StateConflictException("revisit", state.name(), "record a call attempt");
        }
        if (lastAttemptAt != null) {
            LocalDate earliest = LocalDate.ofInstant(lastAttemptAt, zone).plusDays(rules.daysApart());
            if (LocalDate.ofInstant(now, zone).isBefore(earliest)) {
                throw new StateConflictException("revisit", state.name(), "record another call attempt before "
                        + earliest + ": attempts are made on different days (REV-06)");
            }
        }
        int made = attempts + 1;
        boolean unreachable = made >= rules.beforeUnreachable();
        Revisit attempted = new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection,
                unreachable ? state.requireTransitionTo(RevisitState.UNREACHABLE) : state, dueBy, serviceQuality,
                technicalSkill, chargeReasonable, punctuality, overall, comment, unreachable ? agent : this.agent,
                unreachable ? now : completedAt, made, now, version + 1);
        return new RevisitChange(attempted, now, unreachable
                ? List.of(new RevisitUnreachable(id, ticketId, workOrderId, complaintId, kind, technicianId, made,
                agent, now)) : List.of());
    }

    /**
     * INT-26, REV-04: the recording agent corrects the survey of a finished revisit (its review allows it). The other
     * answers and the comment change; the overall answer decided the published outcome (REV-05) and cannot, so the
     * correction publishes nothing. The agent and the time of the call stay.
     */
    RevisitChange correctSurvey(SurveyAnswers answers, Instant now) {
        if (overall == null) {
            throw new StateConflictException("revisit", state.name(), "have its survey corrected: no survey was recorded");
        }
        if (answers.overall() != overall) {
            throw new InvalidFieldException("overall", "cannot be corrected: it decided the published outcome ("
                    + overall + ")");
        }
        Revisit corrected = new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, state,
                dueBy, answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(),
                answers.punctuality(), overall, answers.comment(), agent, completedAt, attempts, lastAttemptAt,
                version + 1);
        return new RevisitChange(corrected, now, List.of());
    }
}
