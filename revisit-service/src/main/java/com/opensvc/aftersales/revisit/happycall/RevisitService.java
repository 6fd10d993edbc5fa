package com.opensvc.aftersales.revisit.happycall;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.calendar.WorkingDays;
import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.revisit.handling.ComplaintHandling;
import com.opensvc.aftersales.revisit.happycall.RevisitDecision.DecisionChange;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class RevisitService {
    private static final Logger log = LoggerFactory.getLogger(RevisitService.class);
    static final String ACTOR = "system:revisit-sampling";
    static final String COMPLAINT_ACTOR = "system:revisit-complaints";

    private final RevisitRepository revisits;
    private final RevisitDecisionRepository decisions;
    private final HappyCallSampling sampling;
    private final ComplaintSubjects complaintSubjects;
    private final CallAttempts attempts;
    private final ComplaintRevisits complaintRevisits;
    private final WorkingDays workingDays;
    private final ComplaintHandling complaintHandling;
    private final Clock clock;
    private final List<RevisitCallGuard> callGuards;

    /**
     * REV-01: every completed work order gets exactly one published decision — a happy call due within 7 days
     * ({@code RevisitScheduled}) when it repeats an earlier order or is sampled; otherwise {@code RevisitNotRequired}.
     * A work order already decided is left alone (EVT-04). Monthly coverage of every technician is the month-end
     * top-up's ({@link #scheduleCoverageCall}).
     */
    @Transactional
    public void repairClosed(RepairClosed repair) {
        if (decisions.decided(repair.workOrderId())) {
            log.info("Work order {} of ticket {} already has its revisit decision", repair.workOrderId(), repair.ticketId());
            return;
        }
        Instant now = clock.instant();
        double value = HappyCallSampling.value(repair.workOrderId());
        YearMonth month = RevisitDecision.monthOf(repair.occurredAt(), sampling.zone());
        DecisionChange change = RevisitDecision.decide(repair, sampling.samplingRate(), value, month, ACTOR, now);
        decisions.save(change);
        RevisitDecision decision = change.decision();
        log.info("Revisit decision for work order {} of ticket {}: {} ({}, value {} at rate {})", decision.workOrderId(),
                decision.ticketId(), decision.decision(), decision.reason(), decision.hashValue(), decision.samplingRate());
    }

    /**
     * REV-01 month-end top-up: a happy call ({@code RevisitScheduled}, selection TECHNICIAN_MONTHLY_COVERAGE) for a
     * completed work order whose decision was NOT_REQUIRED, due 7 days after {@code windowStart} (its completion, or
     * the top-up run when the order's own 7 days are over). The decision stays as it was published. The caller holds
     * the technician's month (coverage feature), in the same transaction.
     *
     * @return the happy call, empty when the work order has no decision or already has a happy call
     */
    @Transactional
    public Optional<Revisit> scheduleCoverageCall(UUID workOrderId, Instant windowStart, String actor) {
        RevisitDecision decision = decisions.find(workOrderId).orElse(null);
        if (decision == null || decision.decision() != RevisitDecision.Decision.NOT_REQUIRED) {
            return Optional.empty();
        }
        RevisitChange scheduled = Revisit.scheduleHappyCall(decision.ticketId(), workOrderId, decision.technicianId(),
                Selection.TECHNICIAN_MONTHLY_COVERAGE, windowStart, actor, clock.instant());
        if (!revisits.insertIfAbsent(scheduled)) {
            return Optional.empty();
        }
        Revisit revisit = scheduled.revisit();
        log.info("Scheduled monthly-coverage happy call {} for work order {} of ticket {}, due by {}", revisit.id(),
                workOrderId, revisit.ticketId(), revisit.dueBy());
        return Optional.of(revisit);
    }

    /**
     * REV-02, REV-03: every finished complaint is called back within 24 hours, and at the latest within 5 working
     * days of the remedy (the finish); a quality complaint needs two answered calls, a service complaint one. Once per
     * finish (EVT-04).
     */
    @Transactional
    public void complaintFinished(ComplaintFinished finished) {
        ComplaintType type = complaintRevisits.typeOf(finished.contentGroup());
        Instant remedyDeadline = workingDays.endOfWorkingDaysAfter(finished.occurredAt(),
                complaintRevisits.remedyWorkingDays(), sampling.zone());
        RevisitChange scheduled = Revisit.scheduleComplaintRevisit(finished.ticketId(), finished.complaintId(), type,
                complaintRevisits.requiredCalls(type), finished.occurredAt(), remedyDeadline, COMPLAINT_ACTOR,
                clock.instant());
        if (revisits.insertIfAbsent(scheduled)) {
            Revisit revisit = scheduled.revisit();
            log.info("Scheduled {} complaint revisit {} for ticket {} (complaint {}), {} call(s), due by {}, first "
                            + "call at the latest by {}", type, revisit.id(), revisit.ticketId(), revisit.complaintId(),
                    revisit.requiredCalls(), revisit.dueBy(), remedyDeadline);
        }
    }

    /** REV-04, REV-05: the agent records the survey; the outcome decides what intake hears. */
    @Transactional
    public Revisit recordOutcome(UUID id, SurveyAnswers answers, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        complaintHandling.requireNotBeingHandled(revisit.ticketId());
        callGuards.forEach(guard -> guard.beforeCall(revisit, agent));
        RevisitChange change = revisit.recordOutcome(answers, complaintRevisits.nextCallAfter(), agent, clock.instant());
        revisits.save(change);
        log.info("Revisit {} of ticket {} is {} after answered call {} of {} (overall {}) by {}", id,
                revisit.ticketId(), change.revisit().state(), change.revisit().answeredCalls(),
                change.revisit().requiredCalls(), answers.overall(), agent);
        return revisits.find(id).orElseThrow();
    }

    /** REV-06: a call nobody answered; the last allowed attempt makes the customer unreachable. */
    @Transactional
    public Revisit recordUnansweredCall(UUID id, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        complaintHandling.requireNotBeingHandled(revisit.ticketId());
        callGuards.forEach(guard -> guard.beforeCall(revisit, agent));
        RevisitChange change = revisit.recordUnansweredCall(attempts, sampling.zone(), agent, clock.instant());
        revisits.save(change);
        log.info("Revisit {} of ticket {}: unanswered call {} of {} by {}", id, revisit.ticketId(),
                change.revisit().attempts(), attempts.beforeUnreachable(), agent);
        return revisits.find(id).orElseThrow();
    }
}
