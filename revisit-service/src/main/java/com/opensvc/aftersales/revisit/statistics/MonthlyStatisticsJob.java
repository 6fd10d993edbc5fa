package com.opensvc.aftersales.revisit.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;

import lombok.RequiredArgsConstructor;

/**
 * REV-07 on schedule: every {@code aftersales.revisit.statistics.job-interval} every replica looks whether the previous
 * month's statistics are due (from {@code day-of-month}, company zone) and not kept yet, and keeps them. Replica-safe:
 * the month is unique, so two replicas keep and publish it once.
 */
@Component
@RequiredArgsConstructor
public class MonthlyStatisticsJob {
    static final String ACTOR = "system:revisit-statistics";

    private final RevisitStatistics statistics;
    private final StatisticsProperties properties;
    private final CompanyZone zone;
    private final Clock clock;

    @Bean
    static RecurringJob monthlyRevisitStatistics(MonthlyStatisticsJob job, StatisticsProperties properties) {
        return new RecurringJob("monthly revisit statistics", properties.jobEnabled(),
                new PeriodicTrigger(properties.jobInterval()), job::keepDue);
    }

    public void keepDue() {
        keepDue(clock.instant());
    }

    /** The month before {@code now}'s, kept if due and not kept yet; empty when nothing was kept. */
    public Optional<MonthlyStatistics> keepDue(Instant now) {
        ZonedDateTime local = now.atZone(zone.zone());
        if (local.getDayOfMonth() < properties.dayOfMonth()) {
            return Optional.empty();
        }
        YearMonth previous = YearMonth.from(local).minusMonths(1);
        if (statistics.kept(previous)) {
            return Optional.empty();
        }
        RevisitStatistics.Produced produced = statistics.produce(previous, ACTOR, now);
        return produced.kept() ? Optional.of(produced.statistics()) : Optional.empty();
    }
}
