package com.opensvc.aftersales.intake.quote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the quote expiry every {@code aftersales.intake.quote.expiry-interval} on every replica (see QuoteExpiryJob). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "aftersales.intake.quote.expiry-job-enabled", matchIfMissing = true)
class QuoteScheduling implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(QuoteScheduling.class);

    private final QuoteExpiryJob job;
    private final QuoteProperties properties;

    QuoteScheduling(QuoteExpiryJob job, QuoteProperties properties) {
        this.job = job;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                job.expireDue();
            } catch (RuntimeException e) {
                // the next run retries; a failed batch rolled back and expired nothing
                log.warn("Quote expiry run failed: {}", e.toString());
            }
        }, properties.expiryInterval());
    }
}
