package com.opensvc.aftersales.dispatch.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.messaging.OutboxWriter;

/**
 * DSP-08 / SLA-07: breaches overdue visit clocks and publishes {@code SlaBreached} once per clock. Every replica runs
 * it; each batch claims its clocks with {@code FOR UPDATE SKIP LOCKED} and moves them out of RUNNING in the same
 * transaction as the outbox row and the breach log, so no clock is breached by two runs.
 */
@Component
public class VisitClockJob {
    static final String ACTOR = "system:visit-clocks";
    private static final Logger log = LoggerFactory.getLogger(VisitClockJob.class);

    private final VisitClockRepository clocks;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Clock clock;

    public VisitClockJob(VisitClockRepository clocks, OutboxWriter outbox, PlatformTransactionManager transactionManager,
                         VisitClockProperties properties, Clock clock) {
        this.clocks = clocks;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = properties.evaluationBatchSize();
        this.clock = clock;
    }

    /** What the scheduler calls. @return how many clocks this run breached */
    public int evaluateDue() {
        return evaluate(clock.instant());
    }

    /** @return how many clocks this run breached, evaluating as of {@code asOf} */
    public int evaluate(Instant asOf) {
        // as stored (PostgreSQL keeps microseconds), so the event and the row tell the same breach time
        Instant now = asOf.truncatedTo(ChronoUnit.MICROS);
        int breached = 0;
        while (true) {
            int[] batch = transactions.execute(tx -> {
                List<VisitClockRepository.Overdue> due = clocks.claimOverdue(now, batchSize);
                int count = 0;
                for (VisitClockRepository.Overdue overdue : due) {
                    if (breach(overdue, now)) {
                        count++;
                    }
                }
                return new int[] {due.size(), count};
            });
            breached += batch[1];
            if (batch[0] < batchSize) {
                break;
            }
        }
        if (breached > 0) {
            log.info("Breached {} visit clock(s)", breached);
        }
        return breached;
    }

    private boolean breach(VisitClockRepository.Overdue overdue, Instant now) {
        if ("CANCELLED".equals(overdue.workOrderState()) || "COMPLETED".equals(overdue.workOrderState())) {
            // a closed order has no deadline left; stop rather than escalate
            clocks.stop(overdue.clockId(), now);
            clocks.recordHistory(overdue.workOrderId(), now, ACTOR, "CLOCK_STOPPED " + overdue.kind());
            return false;
        }
        if (!clocks.markBreached(overdue.clockId(), now)) {
            return false;
        }
        UUID eventId = outbox.append(SlaBreached.AGGREGATE, overdue.ticketId(), SlaBreached.TYPE, 1,
                new SlaBreached(overdue.ticketId(), overdue.workOrderId(), overdue.kind().name(), overdue.dueAt(), now,
                        overdue.technician(), 1, SlaBreached.LEVEL_1_ROLES, ACTOR, now));
        clocks.logBreach(overdue.clockId(), now, eventId);
        clocks.recordHistory(overdue.workOrderId(), now, ACTOR, "SLA_BREACHED " + overdue.kind() + " escalation 1");
        log.info("Work order {} breached its {} clock due {}", overdue.workOrderId(), overdue.kind(), overdue.dueAt());
        return true;
    }
}
