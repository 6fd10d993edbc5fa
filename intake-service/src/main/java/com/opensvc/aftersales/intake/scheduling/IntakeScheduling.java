package com.opensvc.aftersales.intake.scheduling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules every enabled {@link RecurringJob} of intake (and enables {@code @Scheduled} for the rest). A failed run
 * is logged; its transaction rolled back, so the next run claims the same rows again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeScheduling implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(IntakeScheduling.class);

    private final List<RecurringJob> jobs;

    IntakeScheduling(List<RecurringJob> jobs) {
        this.jobs = jobs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (RecurringJob job : jobs) {
            if (!job.enabled()) {
                log.info("Scheduled job '{}' is switched off by configuration", job.name());
                continue;
            }
            registrar.addTriggerTask(() -> {
                try {
                    job.work().run();
                } catch (RuntimeException e) {
                    log.warn("Scheduled job '{}' failed; the next run retries: {}", job.name(), e.toString());
                }
            }, job.trigger());
        }
    }
}
