package com.opensvc.aftersales.revisit.happycall;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
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
    private final Clock clock;
    private final List<RevisitCallGuard> callGuards;

    /**
     * REV-01: every completed work order gets exactly one published decision — a happy call due within 7 days
     * ({@code RevisitScheduled}) when it repeats an earlier order, is sampled, or is the first of its technician's
     * month; otherwise {@code RevisitNotRequired}. A work order already decided is left alone (EVT-04).
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
        // every happy call covers its technician's month; an order selected for nothing else is called if it is the
        // first to claim the month
        boolean firstOfMonth = decisions.claimMonth(repair.technicianId(), month, repair.workOrderId(), now);
        DecisionChange change = RevisitDecision.decide(repair, sampling.samplingRate(), value, month, firstOfMonth,
                ACTOR, now);
        decisions.save(change);
        RevisitDecision decision = change.decision();
        log.info("Revisit decision for work order {} of ticket {}: {} ({}, value {} at rate {})", decision.workOrderId(),
                decision.ticketId(), decision.decision(), decision.reason(), decision.hashValue(), decision.samplingRate());
    }

    /** REV-02: a finished complaint is called back within 24 hours; once per finish (EVT-04). */
    @Transactional
    public void complaintFinished(ComplaintFinished finished) {
        RevisitChange scheduled = Revisit.scheduleComplaintRevisit(finished.ticketId(), finished.complaintId(),
                finished.occurredAt(), COMPLAINT_ACTOR, clock.instant());
        if (revisits.insertIfAbsent(scheduled)) {
            Revisit revisit = scheduled.revisit();
            log.info("Scheduled complaint revisit {} for ticket {} (complaint {}), due by {}", revisit.id(),
                    revisit.ticketId(), revisit.complaintId(), revisit.dueBy());
        }
    }

    /** REV-04, REV-05: the agent records the survey; the outcome decides what intake hears. */
    @Transactional
    public Revisit recordOutcome(UUID id, SurveyAnswers answers, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        callGuards.forEach(guard -> guard.beforeCall(revisit, agent));
        RevisitChange change = revisit.recordOutcome(answers, agent, clock.instant());
        revisits.save(change);
        log.info("Revisit {} of ticket {} is {} (overall {}) by {}", id, revisit.ticketId(), change.revisit().state(),
                answers.overall(), agent);
        return revisits.find(id).orElseThrow();
    }

    /** REV-06: a call nobody answered; the last allowed attempt makes the customer unreachable. */
    @Transactional
    public Revisit recordUnansweredCall(UUID id, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        callGuards.forEach(guard -> guard.beforeCall(revisit, agent));
        RevisitChange change = revisit.recordUnansweredCall(attempts, sampling.zone(), agent, clock.instant());
        revisits.save(change);
        log.info("Revisit {} of ticket {}: unanswered call {} of {} by {}", id, revisit.ticketId(),
                change.revisit().attempts(), attempts.beforeUnreachable(), agent);
        return revisits.find(id).orElseThrow();
    }
}
