package com.opensvc.aftersales.quality.newproduct;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.quality.publication.PublishedReport;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;

import lombok.RequiredArgsConstructor;

/**
 * QLT-07: from the 1st of each month, the survey reports of the month before (one per watched model). Every replica
 * runs it; the archive keeps each report once (its unique key), so a repeated or concurrent run keeps nothing twice,
 * and a run after downtime catches up the month that is due.
 */
@Component
@RequiredArgsConstructor
class NewProductSurveyJob {
    private static final Logger log = LoggerFactory.getLogger(NewProductSurveyJob.class);
    static final String ACTOR = "system:quality-reports";

    private final ReportArchive archive;

    /** Every {@code aftersales.quality.new-product.report-job-interval} on every replica. */
    @Bean
    static RecurringJob newProductSurveyReports(NewProductSurveyJob job, NewProductProperties properties) {
        return new RecurringJob("new-product survey reports", properties.reportJobEnabled(),
                new PeriodicTrigger(properties.reportJobInterval()), job::publishDue);
    }

    /** What the scheduler calls. @return the reports this run kept */
    public List<PublishedReport> publishDue() {
        ReportPeriod due = ReportPeriod.monthBefore(archive.today());
        List<PublishedReport> kept = archive.publish(ReportKind.NEW_PRODUCT_SURVEY, due, ACTOR);
        if (!kept.isEmpty()) {
            log.info("Kept {} new-product survey reports of {}..{}", kept.size(), due.from(), due.to());
        }
        return kept;
    }
}
