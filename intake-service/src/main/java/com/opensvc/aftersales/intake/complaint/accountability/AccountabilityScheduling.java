package com.opensvc.aftersales.intake.complaint.accountability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

import com.opensvc.aftersales.intake.IntakeProperties;

/** Runs the monthly accountability report on {@code aftersales.intake.accountability.cron} in the company's zone. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "aftersales.intake.accountability.job-enabled", matchIfMissing = true)
class AccountabilityScheduling implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(AccountabilityScheduling.class);

    private final AccountabilityReportJob job;
    private final AccountabilityProperties properties;
    private final IntakeProperties intake;

    AccountabilityScheduling(AccountabilityReportJob job, AccountabilityProperties properties, IntakeProperties intake) {
        this.job = job;
        this.properties = properties;
        this.intake = intake;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(new CronTask(() -> {
            try {
                job.issueDue();
            } catch (RuntimeException e) {
                // nothing was issued (the transaction rolled back); a later run of the schedule issues it
                log.warn("Accountability report run failed: {}", e.toString());
            }
        }, new CronTrigger(properties.cron(), intake.zone())));
        log.debug("Accountability report scheduled at '{}' in {}", properties.cron(), intake.zone());
    }
}
