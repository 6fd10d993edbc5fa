package com.opensvc.aftersales.intake.complaint.accountability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronTrigger;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.scheduling.RecurringJob;

/** The monthly accountability report on {@code aftersales.intake.accountability.cron} in the company's zone. */
@Configuration(proxyBeanMethods = false)
class AccountabilityScheduling {
    @Bean
    RecurringJob accountabilityReport(AccountabilityReportJob job, AccountabilityProperties properties,
                                      IntakeProperties intake) {
        return new RecurringJob("accountability report", properties.jobEnabled(),
                new CronTrigger(properties.cron(), intake.zone()), job::issueDue);
    }
}
