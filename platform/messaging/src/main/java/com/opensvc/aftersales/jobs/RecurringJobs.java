package com.opensvc.aftersales.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules every enabled {@link RecurringJob} bean of the service (the one scheduling mechanism of the platform). A
 * failed run is logged with the exception type only; its transaction rolled back, so the next run claims the same
 * rows again.
 */
@AutoConfiguration
@EnableScheduling
public class RecurringJobs implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

    private final ObjectProvider<RecurringJob> jobs;

    RecurringJobs(ObjectProvider<RecurringJob> jobs) {
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (RecurringJob job : jobs.orderedStream().toList()) {
            if (!job.enabled()) {
                log.info("Scheduled job '{}' is switched off by configuration", job.name());
                continue;
            }
            registrar.addTriggerTask(() -> run(job), job.trigger());
        }
    }

    private static void run(RecurringJob job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            log.warn("Scheduled job '{}' failed; the next run retries: {}", job.name(), e.getClass().getName());
        }
    }
}
