package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.jobs.RecurringJob;

/**
 * DSP-09: generates the maintenance orders due within {@code lead-days}. Every replica runs it; each batch claims its
 * schedules with {@code FOR UPDATE SKIP LOCKED} and generates their orders in the same transaction (the unique
 * schedule and due date backs it), so each plan item/inspection gets exactly one order per due date.
 */
@Component
class MaintenanceOrderJob {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceOrderJob.class);

    private final MaintenanceService maintenance;
    private final int batchSize;

    @Autowired
    MaintenanceOrderJob(MaintenanceService maintenance, MaintenanceProperties properties) {
        this(maintenance, properties.generationBatchSize());
    }

    /** A job with its own batch size (tests run two instances with small batches). */
    MaintenanceOrderJob(MaintenanceService maintenance, int batchSize) {
        this.maintenance = maintenance;
        this.batchSize = batchSize;
    }

    /** Every {@code aftersales.dispatch.maintenance.generation-interval} on every replica. */
    @Bean
    static RecurringJob maintenanceOrderGeneration(MaintenanceOrderJob job, MaintenanceProperties properties) {
        return new RecurringJob("maintenance orders", properties.generationEnabled(),
                new PeriodicTrigger(properties.generationInterval()), job::generateDue);
    }

    /** What the scheduler calls. @return how many orders this run generated */
    public int generateDue() {
        return generate(maintenance.today());
    }

    /** @return how many orders this run generated, as of {@code today} */
    public int generate(LocalDate today) {
        int generated = 0;
        while (true) {
            MaintenanceService.Generated batch = maintenance.generateBatch(today, batchSize);
            generated += batch.generated();
            // a full batch that generated nothing (each already had its order) is not claimed again in this run
            if (batch.claimed() < batchSize || batch.generated() == 0) {
                break;
            }
        }
        if (generated > 0) {
            log.info("Generated {} maintenance order(s)", generated);
        }
        return generated;
    }
}
