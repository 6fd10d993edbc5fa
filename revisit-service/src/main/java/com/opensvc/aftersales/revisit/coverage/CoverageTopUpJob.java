package com.opensvc.aftersales.revisit.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.revisit.coverage.CoverageRepository.MonthState;
import com.opensvc.aftersales.revisit.coverage.CoverageRepository.Uncovered;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.Choice;
import com.opensvc.aftersales.revisit.happycall.HappyCallSampling;
import com.opensvc.aftersales.revisit.happycall.Revisit;
import com.opensvc.aftersales.revisit.happycall.RevisitService;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * REV-01 (§11) month-end top-up: every technician with completed work orders in a month whom the sample missed gets
 * one happy call for that month. Runs on every replica ({@code aftersales.revisit.coverage.cron}) and on demand; safe
 * with both at once: each technician's month is one transaction that schedules the call and records the top-up, and
 * the record's primary key (technician, month) lets one of two concurrent transactions win — the loser rolls back its
 * call, so no technician gets a second one.
 */
@Component
public class CoverageTopUpJob {
    static final String ACTOR = "system:revisit-coverage";
    private static final Logger log = LoggerFactory.getLogger(CoverageTopUpJob.class);

    private final CoverageRepository coverage;
    private final RevisitService revisits;
    private final HappyCallSampling sampling;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CoverageTopUpJob(CoverageRepository coverage, RevisitService revisits, HappyCallSampling sampling,
                            PlatformTransactionManager transactionManager, Clock clock) {
        this.coverage = coverage;
        this.revisits = revisits;
        this.sampling = sampling;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The month just ended, topped up on {@code aftersales.revisit.coverage.cron} in the company's zone. */
    @Bean
    static RecurringJob coverageTopUp(CoverageTopUpJob job, CoverageProperties properties, HappyCallSampling sampling) {
        return new RecurringJob("revisit coverage top-up", properties.jobEnabled(),
                new CronTrigger(properties.cron(), sampling.zone()), job::topUpEndedMonth);
    }

    /**
     * What one run did.
     *
     * @param techniciansWithOrders technicians with completed work orders in the month
     * @param alreadyCovered        of them, those who had a happy call (sampled, repeat, or an earlier top-up) or whose
     *                              top-up a concurrent run recorded
     * @param toppedUp              the top-ups this run recorded
     */
    public record TopUpRun(UUID runId, YearMonth month, Instant runAt, int techniciansWithOrders, int alreadyCovered,
                           List<CoverageTopUp> toppedUp) {
    }

    /** The scheduled run: the month just ended at the run (company time zone). */
    public void topUpEndedMonth() {
        Instant now = clock.instant();
        topUp(CoverageMonth.ended(now, sampling.zone()), now, ACTOR);
    }

    /** On demand: the month must be over (409 otherwise); a month already topped up tops up nothing (idempotent). */
    public TopUpRun topUp(YearMonth month, String actor) {
        Instant now = clock.instant();
        if (!CoverageMonth.isOver(month, now, sampling.zone())) {
            throw new StateConflictException("month " + month, "NOT_OVER",
                    "top up monthly coverage before the month has ended (REV-01)");
        }
        return topUp(month, now, actor);
    }

    /** Tops up {@code month} as seen at {@code runAt}: a happy call for every technician the sample missed. */
    public TopUpRun topUp(YearMonth month, Instant runAt, String actor) {
        UUID runId = UUID.randomUUID();
        MonthState state = coverage.monthState(month, runAt);
        List<CoverageTopUp> toppedUp = new ArrayList<>();
        for (Uncovered technician : state.uncovered()) {
            topUp(technician, month, runId, runAt, actor).ifPresent(toppedUp::add);
        }
        log.info("Coverage top-up {} of {}: {} technician(s) with completed orders, {} topped up", runId, month,
                state.techniciansWithOrders(), toppedUp.size());
        return new TopUpRun(runId, month, runAt, state.techniciansWithOrders(),
                state.techniciansWithOrders() - toppedUp.size(), List.copyOf(toppedUp));
    }

    private Optional<CoverageTopUp> topUp(Uncovered technician, YearMonth month, UUID runId, Instant runAt,
                                          String actor) {
        Choice choice = CoverageTopUp.choose(technician.orders());
        return transactions.execute(tx -> {
            Optional<Revisit> call = revisits.scheduleCoverageCall(choice.chosen().workOrderId(),
                    CoverageTopUp.windowStart(choice, runAt), actor);
            if (call.isEmpty()) {
                tx.setRollbackOnly();   // a concurrent run called this order first
                return Optional.<CoverageTopUp>empty();
            }
            CoverageTopUp topUp = new CoverageTopUp(technician.technicianId(), month, choice.chosen().workOrderId(),
                    choice.chosen().ticketId(), call.get().id(), choice.chosen().completedAt(),
                    choice.chosen().hashValue(), choice.chosen().windowOpen(), choice.dueBasis(), call.get().dueBy(),
                    choice.ranked(), runId, actor, clock.instant());
            if (!coverage.insert(topUp)) {
                tx.setRollbackOnly();   // a concurrent run covered the technician's month with another order
                return Optional.<CoverageTopUp>empty();
            }
            log.info("Coverage top-up {}: technician {} covered for {} by work order {} ({}, {} candidate(s))", runId,
                    technician.technicianId(), month, topUp.workOrderId(), topUp.dueBasis(), topUp.candidates().size());
            return Optional.of(topUp);
        });
    }
}
