package com.opensvc.aftersales.revisit.happycall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

import com.opensvc.aftersales.revisit.happycall.RevisitEvent.CustomerDissatisfied;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitCallRecorded;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitCompleted;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitScheduled;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitUnreachable;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.SurveyScores;

/**
 * A revisit and its REV-05 transitions; each returns the change it causes for the repository to save. A happy call
 * (REV-01) belongs to a work order and needs one answered call; a complaint revisit (REV-02) to a complaint's finish
 * and needs {@code requiredCalls} answered calls (REV-03) before its outcome.
 *
 * @param complaintType  REV-03: QUALITY or SERVICE for a complaint revisit; null for a happy call
 * @param requiredCalls  answered calls needed before the outcome (a service complaint's neutral first answer adds one)
 * @param answeredCalls  answered calls so far; the survey fields hold the latest one's answers
 * @param remedyDeadline REV-03: the end of the 5th working day after the remedy (the complaint's finish); null for a
 *                       happy call
 * @param onHold         REV-02: the ticket's complaint is being handled, so the revisit is not called (read model)
 * @param calls          every call of the revisit, answered or not (shown by {@code GET /revisits/{id}}; absent in
 *                       lists)
 */
public record Revisit(UUID id, UUID ticketId, UUID workOrderId, UUID complaintId, String technicianId, String kind,
                      Selection selection, RevisitState state, Instant dueBy, Satisfaction serviceQuality,
                      Satisfaction technicalSkill, Boolean chargeReasonable, Satisfaction punctuality,
                      Satisfaction overall, String comment, String agent, Instant completedAt, int attempts,
                      Instant lastAttemptAt, int version, ComplaintType complaintType, int requiredCalls,
                      int answeredCalls, Instant remedyDeadline, boolean onHold,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<RevisitCall> calls) {
    static final String HAPPY_CALL = "HAPPY_CALL";
    static final String COMPLAINT_REVISIT = "COMPLAINT_REVISIT";
    /** REV-01: the happy call is made within 7 days after the work order is completed. */
    public static final Duration HAPPY_CALL_WINDOW = Duration.ofDays(7);
    /** REV-02: a finished complaint is called within 24 hours. */
    static final Duration COMPLAINT_REVISIT_WINDOW = Duration.ofHours(24);

    /** The revisit as it was before REV-03's call counts: one required call, none answered. */
    public Revisit(UUID id, UUID ticketId, UUID workOrderId, UUID complaintId, String technicianId, String kind,
                   Selection selection, RevisitState state, Instant dueBy, Satisfaction serviceQuality,
                   Satisfaction technicalSkill, Boolean chargeReasonable, Satisfaction punctuality,
                   Satisfaction overall, String comment, String agent, Instant completedAt, int attempts,
                   Instant lastAttemptAt, int version) {
        this(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, state, dueBy, serviceQuality,
                technicalSkill, chargeReasonable, punctuality, overall, comment, agent, completedAt, attempts,
                lastAttemptAt, version, null, 1, 0, null, false, null);
    }

    /** REV-01: the happy call for a selected completed repair, not yet answered. */
    static RevisitChange scheduleHappyCall(UUID ticketId, UUID workOrderId, String technician, Selection selection,
                                           Instant closedAt, String actor, Instant now) {
        Revisit scheduled = new Revisit(UUID.randomUUID(), ticketId, workOrderId, null, technician, HAPPY_CALL,
                selection, RevisitState.SCHEDULED, closedAt.plus(HAPPY_CALL_WINDOW), null, null, null, null, null,
                null, null, null, 0, null, 0);
        return new RevisitChange(scheduled, now, List.of(scheduled.scheduled(actor, now)));
    }

    /** REV-02: the revisit of a finished service complaint, due 24 hours after the finish. */
    static RevisitChange scheduleComplaintRevisit(UUID ticketId, UUID complaintId, Instant finishedAt, String actor,
                                                  Instant now) {
        return scheduleComplaintRevisit(ticketId, complaintId, ComplaintType.SERVICE, 1, finishedAt, null, actor, now);
    }

    /**
     * REV-02, REV-03: the revisit of a finished complaint: the first call due 24 hours after the finish, and at the
     * latest by {@code remedyDeadline} (5 working days after the remedy); {@code requiredCalls} answered calls.
     */
    static RevisitChange scheduleComplaintRevisit(UUID ticketId, UUID complaintId, ComplaintType type,
                                                  int requiredCalls, Instant finishedAt, Instant remedyDeadline,
                                                  String actor, Instant now) {
        Revisit scheduled = new Revisit(UUID.randomUUID(), ticketId, null, complaintId, null, COMPLAINT_REVISIT,
                Selection.COMPLAINT, RevisitState.SCHEDULED, finishedAt.plus(COMPLAINT_REVISIT_WINDOW), null, null,
                null, null, null, null, null, null, 0, null, 0, type, requiredCalls, 0, remedyDeadline, false, null);
        return new RevisitChange(scheduled, now, List.of(scheduled.scheduled(actor, now)));
    }

    private RevisitScheduled scheduled(String actor, Instant now) {
        return new RevisitScheduled(id, ticketId, workOrderId, complaintId, kind, selection, dueBy, technicianId,
                complaintType, requiredCalls, remedyDeadline, actor, now);
    }

    /** A happy call's outcome with the default interval to a later call (a happy call needs only one). */
    RevisitChange recordOutcome(SurveyAnswers answers, String agent, Instant now) {
        return recordOutcome(answers, ComplaintRevisits.DEFAULTS.nextCallAfter(), agent, now);
    }

    /**
     * REV-03, REV-04, REV-05: an answered call. Dissatisfied on any call → {@code CustomerDissatisfied} at once. A call
     * before the last required one keeps the revisit SCHEDULED with the next call due {@code nextCallAfter} later
     * ({@code RevisitCallRecorded}); so does a service complaint's neutral first answer, which adds the second call.
     * The last required call completes it ({@code RevisitCompleted}, flagged for review when neutral).
     */
    RevisitChange recordOutcome(SurveyAnswers answers, Duration nextCallAfter, String agent, Instant now) {
        if (state != RevisitState.SCHEDULED) {
            state.requireTransitionTo(RevisitOutcome.stateFor(answers.overall()));
        }
        RevisitCall call = RevisitCall.answered(this, answers, agent, now);
        int answered = answeredCalls + 1;
        int required = requiredCalls;
        if (complaintType == ComplaintType.SERVICE && answered == 1 && required == 1
                && answers.overall() == Satisfaction.NEUTRAL) {
            required = 2;   // REV-03 "once or twice": a neutral service complaint is called a second time
        }
        boolean dissatisfied = answers.overall() == Satisfaction.DISSATISFIED;
        if (!dissatisfied && answered < required) {
            Instant nextDue = now.plus(nextCallAfter);
            Revisit next = new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, state,
                    nextDue, answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(),
                    answers.punctuality(), answers.overall(), answers.comment(), agent, null, 0, null, version + 1,
                    complaintType, required, answered, remedyDeadline, onHold, null);
            return new RevisitChange(next, now, List.of(new RevisitCallRecorded(id, ticketId, workOrderId,
                    complaintId, kind, complaintType, answered, required, answers.overall(), nextDue, call.late(),
                    SurveyScores.of(answers), agent, now)), List.of(call));
        }
        RevisitState end = state.requireTransitionTo(RevisitOutcome.stateFor(answers.overall()));
        Revisit ended = new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, end,
                dueBy, answers.serviceQuality(), answers.technicalSkill(), answers.chargeReasonable(),
                answers.punctuality(), answers.overall(), answers.comment(), agent, now, attempts, lastAttemptAt,
                version + 1, complaintType, required, answered, remedyDeadline, onHold, null);
        RevisitEvent event = dissatisfied
                ? new CustomerDissatisfied(id, ticketId, workOrderId, complaintId, kind, technicianId,
                SurveyScores.of(answers), answers.comment(), agent, now)
                : new RevisitCompleted(id, ticketId, workOrderId, complaintId, kind, technicianId, answers.overall(),
                RevisitOutcome.flaggedForReview(answers.overall()), SurveyScores.of(answers), agent, now);
        return new RevisitChange(ended, now, List.of(event), List.of(call));
    }

    /**
     * REV-06: the agent called and nobody answered. Attempts of one call must lie {@code rules.daysApart()} calendar
     * days apart (company time zone); the last allowed one makes the revisit {@code UNREACHABLE} and tells intake. An
     * answered call starts the count again for the next one.
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
                unreachable ? now : completedAt, made, now, version + 1, complaintType, requiredCalls, answeredCalls,
                remedyDeadline, onHold, null);
        return new RevisitChange(attempted, now, unreachable
                ? List.of(new RevisitUnreachable(id, ticketId, workOrderId, complaintId, kind, technicianId, made,
                agent, now)) : List.of(), List.of(RevisitCall.unanswered(this, agent, now)));
    }

    /** The same revisit with its call history (for {@code GET /revisits/{id}}). */
    Revisit withCalls(List<RevisitCall> history) {
        return new Revisit(id, ticketId, workOrderId, complaintId, technicianId, kind, selection, state, dueBy,
                serviceQuality, technicalSkill, chargeReasonable, punctuality, overall, comment, agent, completedAt,
                attempts, lastAttemptAt, version, complaintType, requiredCalls, answeredCalls, remedyDeadline, onHold,
                new ArrayList<>(history));
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
                version + 1, complaintType, requiredCalls, answeredCalls, remedyDeadline, onHold, null);
        return new RevisitChange(corrected, now, List.of());
    }
}
