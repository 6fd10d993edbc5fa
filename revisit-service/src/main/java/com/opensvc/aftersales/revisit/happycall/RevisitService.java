package com.opensvc.aftersales.revisit.happycall;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class RevisitService {
    private static final Logger log = LoggerFactory.getLogger(RevisitService.class);
    static final String ACTOR = "system:revisit-sampling";

    private final RevisitRepository revisits;
    private final HappyCallSampling sampling;
    private final ComplaintSubjects complaintSubjects;
    private final Clock clock;

    /** REV-01: a sampled completed repair gets a happy call due within 7 days. */
    @Transactional
    public void repairClosed(RepairClosed repair) {
        if (!sampling.sampled(repair.workOrderId())) {
            log.info("Repair {} of ticket {} not sampled for a happy call", repair.workOrderId(), repair.ticketId());
            return;
        }
        RevisitChange scheduled = Revisit.scheduleHappyCall(repair.ticketId(), repair.workOrderId(),
                repair.technicianId(), repair.occurredAt(), ACTOR, clock.instant());
        if (revisits.insertIfAbsent(scheduled)) {
            Revisit revisit = scheduled.revisit();
            log.info("Scheduled happy call {} for ticket {} (repair {}), due by {}", revisit.id(), revisit.ticketId(),
                    revisit.workOrderId(), revisit.dueBy());
        }
    }

    /** REV-04, REV-05: the agent records the survey; the outcome decides what intake hears. */
    @Transactional
    public Revisit recordOutcome(UUID id, SurveyAnswers answers, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        RevisitChange change = revisit.recordOutcome(answers, agent, clock.instant());
        revisits.save(change);
        log.info("Revisit {} of ticket {} is {} (overall {}) by {}", id, revisit.ticketId(), change.revisit().state(),
                answers.overall(), agent);
        return revisits.find(id).orElseThrow();
    }
}
