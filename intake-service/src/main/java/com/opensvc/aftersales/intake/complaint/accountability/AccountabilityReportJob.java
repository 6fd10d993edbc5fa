package com.opensvc.aftersales.intake.complaint.accountability;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.messaging.OutboxWriter;

/**
 * INT-21: by the 4th of each month the previous month's report goes to the general manager and finance. Safe on
 * several replicas: the month's row in {@code accountability_report} is inserted with ON CONFLICT DO NOTHING in the
 * same transaction as the event, so exactly one run issues it and publishes {@code AccountabilityReportIssued}.
 */
@Component
public class AccountabilityReportJob {
    static final String ACTOR = "system:accountability-report";
    private static final Logger log = LoggerFactory.getLogger(AccountabilityReportJob.class);

    private final AccountabilityReports reports;
    private final AccountabilityReportRepository repository;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AccountabilityReportJob(AccountabilityReports reports, AccountabilityReportRepository repository,
                                   OutboxWriter outbox, PlatformTransactionManager transactionManager, Clock clock) {
        this.reports = reports;
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The monthly report on {@code aftersales.intake.accountability.cron} in the company's zone, on every replica. */
    @Bean
    static RecurringJob accountabilityReport(AccountabilityReportJob job, AccountabilityProperties properties,
                                             IntakeProperties intake) {
        return new RecurringJob("accountability report", properties.jobEnabled(),
                new CronTrigger(properties.cron(), intake.zone()), job::issueDue);
    }

    /** Issues the report of the month before today (company time zone), unless it was issued already. */
    public Optional<AccountabilityReport> issueDue() {
        return issue(reports.dueMonth());
    }

    /** @return the report when this call issued it; empty when it had been issued before */
    public Optional<AccountabilityReport> issue(YearMonth month) {
        return transactions.execute(tx -> {
            AccountabilityReport report = reports.build(month);
            Instant now = clock.instant();
            boolean issued = repository.markIssued(month.toString(), AccountabilityReports.reportId(month),
                    report.complaintCount(), report.penaltyCount(), report.totalDeductions(), ACTOR, now);
            if (!issued) {
                return Optional.<AccountabilityReport>empty();
            }
            outbox.append(new AccountabilityReportIssued(AccountabilityReports.reportId(month), month.toString(),
                    report.complaintCount(), report.penaltyCount(), report.totalDeductions(),
                    AccountabilityReportIssued.RECIPIENTS, AccountabilityReports.reportUrl(month), ACTOR, now));
            log.info("Accountability report {} issued: {} complaint(s), {} penalty(ies)", month,
                    report.complaintCount(), report.penaltyCount());
            return Optional.of(report);
        });
    }
}
