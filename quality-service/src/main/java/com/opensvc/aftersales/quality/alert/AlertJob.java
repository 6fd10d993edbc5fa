package com.opensvc.aftersales.quality.alert;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;

import lombok.RequiredArgsConstructor;

/**
 * QLT-06: re-arms the keys whose failures in the window fell back to the threshold (the crossing ends; a later one
 * raises a new alert). Every replica runs it; each batch claims its open alerts with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
@RequiredArgsConstructor
class AlertJob {
    private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

    private final AlertService alerts;
    private final Clock clock;

    /** Every {@code aftersales.quality.alert.job-interval} on every replica. */
    @Bean
    static RecurringJob alertClearing(AlertJob job, AlertProperties properties) {
        return new RecurringJob("quality alert clearing", properties.jobEnabled(),
                new PeriodicTrigger(properties.jobInterval()), job::clearEnded);
    }

    /** What the scheduler calls. @return how many alerts this run cleared */
    public int clearEnded() {
        return clearEnded(clock.instant());
    }

    /** @return how many alerts this run cleared, with the windows ending at {@code at} */
    public int clearEnded(Instant at) {
        int size = alerts.properties().jobBatchSize();
        int cleared = 0;
        while (true) {
            AlertService.Batch batch = alerts.clearBatch(at, size);
            cleared += batch.cleared();
            if (batch.claimed() < size) {
                break;
            }
        }
        if (cleared > 0) {
            log.info("Cleared {} quality alert(s)", cleared);
        }
        return cleared;
    }
}
