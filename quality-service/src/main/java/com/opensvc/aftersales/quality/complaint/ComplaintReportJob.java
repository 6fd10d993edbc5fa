package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.quality.publication.PublishedReport;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.quality.publication.ReportKind;

import lombok.RequiredArgsConstructor;

/**
 * QLT-04: the complaint summaries (weekly on Tuesday, monthly on the 2nd) and the monthly complaint analysis (the 3rd),
 * on every replica every {@code aftersales.quality.complaints.job-interval}. Replica-safe through the archive: each
 * report is kept once (a unique insert), and a run after downtime publishes the latest due period.
 */
@Component
@RequiredArgsConstructor
public class ComplaintReportJob {
    static final String ACTOR = "system:quality-reports";

    private final ReportArchive archive;
    private final ComplaintReportProperties properties;

    @Bean
    static RecurringJob complaintReports(ComplaintReportJob job, ComplaintReportProperties properties) {
        return new RecurringJob("complaint reports", properties.jobEnabled(),
                new PeriodicTrigger(properties.jobInterval()), job::publishDue);
    }

    /** Publishes what is due today (company zone). */
    public List<PublishedReport> publishDue() {
        return publishDue(archive.today());
    }

    /** Publishes what is due by {@code today}; returns the reports this call kept (none when kept before). */
    public List<PublishedReport> publishDue(LocalDate today) {
        ComplaintReportSchedule schedule = ComplaintReportSchedule.of(properties);
        List<PublishedReport> kept = new ArrayList<>();
        kept.addAll(archive.publish(ReportKind.COMPLAINT_SUMMARY, schedule.weeklySummary(today), ACTOR));
        kept.addAll(archive.publish(ReportKind.COMPLAINT_SUMMARY, schedule.monthlySummary(today), ACTOR));
        kept.addAll(archive.publish(ReportKind.MONTHLY_COMPLAINT_ANALYSIS, schedule.monthlyAnalysis(today), ACTOR));
        return kept;
    }
}
