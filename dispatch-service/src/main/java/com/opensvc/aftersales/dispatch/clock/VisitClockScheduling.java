package com.opensvc.aftersales.dispatch.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the visit clock evaluation every {@code aftersales.dispatch.clocks.evaluation-interval} on every replica. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "aftersales.dispatch.clocks.evaluation-enabled", matchIfMissing = true)
class VisitClockScheduling implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(VisitClockScheduling.class);

    private final VisitClockJob job;
    private final VisitClockProperties properties;

    VisitClockScheduling(VisitClockJob job, VisitClockProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                job.evaluateDue();
            } catch (RuntimeException e) {
                // the failed batch rolled back and breached nothing; the next run retries
                log.warn("Visit clock evaluation failed: {}", e.toString());
            }
        }, properties.evaluationInterval());
    }
}
