package com.opensvc.aftersales.intake.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the SLA evaluation every {@code aftersales.intake.sla.evaluation-interval} on every replica (SLA-07). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "aftersales.intake.sla.job-enabled", matchIfMissing = true)
class SlaScheduling implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SlaScheduling.class);

    private final SlaEvaluationJob job;
    private final SlaProperties properties;

    SlaScheduling(SlaEvaluationJob job, SlaProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // a failed batch rolled back with its events; the next run claims the rows again
                log.warn("SLA evaluation failed: {}", e.toString());
            }
        }, properties.evaluationInterval());
    }
}
