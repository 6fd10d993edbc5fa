package com.opensvc.aftersales.revisit.happycall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.web.NotFoundException;

@Service
public class RevisitService {
    private static final Logger log = LoggerFactory.getLogger(RevisitService.class);
    static final String AGGREGATE = "revisit.revisit";
    static final String ACTOR = "system:revisit-sampling";
    /** REV-01: the happy call is made within 7 days after the work order is completed. */
    static final Duration HAPPY_CALL_WINDOW = Duration.ofDays(7);

    private final RevisitRepository revisits;
    private final HappyCallSampling sampling;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final ComplaintSubjects complaintSubjects;

    public RevisitService(RevisitRepository revisits, HappyCallSampling sampling, OutboxWriter outbox, Clock clock,
                          ComplaintSubjects complaintSubjects) {
        this.complaintSubjects = complaintSubjects;
        this.revisits = revisits;
        this.sampling = sampling;
        this.outbox = outbox;
        this.clock = clock;
    }

    record RevisitScheduled(UUID revisitId, UUID ticketId, UUID workOrderId, String kind, Instant dueBy, String actor,
                            Instant occurredAt) {
    }

    record RevisitCompleted(UUID revisitId, UUID ticketId, UUID workOrderId, Satisfaction satisfaction,
                            boolean flaggedForReview, String actor, Instant occurredAt) {
    }

    record CustomerDissatisfied(UUID revisitId, UUID ticketId, UUID workOrderId, String comment, String actor,
                                Instant occurredAt) {
    }

    /** REV-01: a sampled completed repair gets a happy call due within 7 days. */
    @Transactional
    public void repairClosed(UUID ticketId, UUID workOrderId, String technician, Instant closedAt) {
        if (!sampling.sampled(workOrderId)) {
            log.info("Repair {} of ticket {} not sampled for a happy call", workOrderId, ticketId);
            return;
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Instant dueBy = closedAt.plus(HAPPY_CALL_WINDOW);
        if (revisits.insertIfAbsent(id, ticketId, workOrderId, technician, dueBy, now)) {
            outbox.append(AGGREGATE, ticketId, "RevisitScheduled", 1,
                    new RevisitScheduled(id, ticketId, workOrderId, "HAPPY_CALL", dueBy, ACTOR, now));
            log.info("Scheduled happy call {} for ticket {} (repair {}), due by {}", id, ticketId, workOrderId, dueBy);
        }
    }

    /** REV-04, REV-05: the agent records the survey; the outcome decides what intake hears. */
    @Transactional
    public Revisit recordOutcome(UUID id, SurveyAnswers answers, String agent) {
        Revisit revisit = revisits.findForUpdate(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        RevisitState next = revisit.state().requireTransitionTo(RevisitOutcome.stateFor(answers.overall()));
        Instant now = clock.instant();
        revisits.recordOutcome(id, answers, next, agent, now);
        if (next == RevisitState.DISSATISFIED) {
            outbox.append(AGGREGATE, revisit.ticketId(), "CustomerDissatisfied", 1, new CustomerDissatisfied(id,
                    revisit.ticketId(), revisit.workOrderId(), answers.comment(), agent, now));
        } else {
            outbox.append(AGGREGATE, revisit.ticketId(), "RevisitCompleted", 1, new RevisitCompleted(id,
                    revisit.ticketId(), revisit.workOrderId(), answers.overall(),
                    RevisitOutcome.flaggedForReview(answers.overall()), agent, now));
        }
        log.info("Revisit {} of ticket {} is {} (overall {}) by {}", id, revisit.ticketId(), next, answers.overall(), agent);
        return revisits.find(id).orElseThrow();
    }
}
