package com.opensvc.aftersales.quality.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.PublishedReport;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.quality.publication.ReportKind;

import lombok.RequiredArgsConstructor;

/**
 * QLT-03 on schedule: every replica looks every {@code aftersales.quality.reports.job-interval} for the latest due
 * weekly after-sales report, salesperson answers and monthly statistics, and has the archive keep those not kept yet.
 * Replica-safe: the archive keeps each report once (a unique insert) and announces only what it kept.
 */
@Component
@RequiredArgsConstructor
public class QualityReportJob {
    static final String ACTOR = "system:quality-reports";
    static final List<ReportKind> KINDS = List.of(ReportKind.WEEKLY_AFTER_SALES, ReportKind.SALESPERSON_ANSWERS,
            ReportKind.MONTHLY_STATISTICS);
    private static final Logger log = LoggerFactory.getLogger(QualityReportJob.class);

    private final ReportArchive archive;
    private final ReportProperties properties;
    private final PublicationProperties publication;
    private final Clock clock;

    @Bean
    static RecurringJob qualityReports(QualityReportJob job, ReportProperties properties) {
        return new RecurringJob("quality reports", properties.jobEnabled(),
                new PeriodicTrigger(properties.jobInterval()), job::publishDue);
    }

    public void publishDue() {
        publishDue(clock.instant());
    }

    /** Keeps every due report not kept yet, each kind on its own (one failing kind does not hold up the others). */
    public List<PublishedReport> publishDue(Instant now) {
        List<PublishedReport> kept = new ArrayList<>();
        RuntimeException failure = null;
        for (ReportKind kind : KINDS) {
            try {
                kept.addAll(publishDue(kind, now));
            } catch (RuntimeException e) {
                log.warn("Quality report {} failed: {}", kind, e.getClass().getName());
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return kept;
    }

    public List<PublishedReport> publishDue(ReportKind kind, Instant now) {
        return archive.publish(kind, new DuePeriods(properties).latestDue(kind, now.atZone(publication.zone())), ACTOR);
    }
}
