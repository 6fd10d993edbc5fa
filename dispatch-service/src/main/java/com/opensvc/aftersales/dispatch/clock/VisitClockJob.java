package com.opensvc.aftersales.dispatch.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * DSP-08 / SLA-07: breaches overdue visit clocks and publishes {@code SlaBreached} once per clock. Every replica runs
 * it; each batch claims its clocks with {@code FOR UPDATE SKIP LOCKED} and moves them out of RUNNING in the same
 * transaction as the outbox row and the breach log, so no clock is breached by two runs.
 */
@Component
class VisitClockJob {
    static final String ACTOR = VisitClockBreaches.ACTOR;
    private static final Logger log = LoggerFactory.getLogger(VisitClockJob.class);

    private final VisitClockRepository clocks;
    private final VisitClockBreaches breaches;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Clock clock;

    VisitClockJob(VisitClockRepository clocks, VisitClockBreaches breaches,
                  PlatformTransactionManager transactionManager, VisitClockProperties properties, Clock clock) {
        this.clocks = clocks;
        this.breaches = breaches;
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
            Batch batch = transactions.execute(tx -> breachAll(clocks.claimOverdue(now, batchSize), now));
            breached += batch.breached();
            if (batch.claimed() < batchSize) {
                break;
            }
        }
        if (breached > 0) {
            log.info("Breached {} visit clock(s)", breached);
        }
        return breached;
    }

    private record Batch(int claimed, int breached) {
    }

    /** Each clock decides (breach or stop, DSP-08); the breaches are written set-based, the rare stops one by one. */
    private Batch breachAll(List<VisitClockRepository.Overdue> due, Instant now) {
        List<VisitClockRepository.Overdue> overdue = new ArrayList<>(due.size());
        for (VisitClockRepository.Overdue clock : due) {
            if (clock.breaches()) {
                // open, or completed with the milestone reached after its due time (DSP-08): a breach, not a stop
                overdue.add(clock);
            } else {
                // a cancelled order has no deadline left; stop rather than escalate
                breaches.stop(clock, now);
            }
        }
        return new Batch(due.size(), breaches.breachAll(overdue, now));
    }
}
