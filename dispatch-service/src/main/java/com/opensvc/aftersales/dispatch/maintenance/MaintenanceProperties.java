package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Duration;
import java.time.ZoneId;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * DSP-09 / RPT-03 preventive maintenance.
 *
 * @param leadDays          a maintenance order is generated this many days before its due date ("reminder N days
 *                          ahead")
 * @param onSiteEvery       the routine on-site inspection of a plan that names none (DOMAIN's example: monthly)
 * @param phoneEvery        the routine phone inspection of a plan that names none (DOMAIN's example: half-monthly)
 * @param zone              the company's zone: what "today" is for due dates
 * @param generationInterval how often each replica's job generates the orders that are due
 * @param generationBatchSize schedules claimed per transaction by the job
 * @param generationEnabled false switches the scheduled job off (tests call it with an explicit day)
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.maintenance")
public record MaintenanceProperties(
        @DefaultValue("7") @Min(0) @Max(366) int leadDays,
        @DefaultValue("MONTH") @NotNull Interval onSiteEvery,
        @DefaultValue("HALF_MONTH") @NotNull Interval phoneEvery,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("1h") @NotNull @DurationMin(millis = 100) Duration generationInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int generationBatchSize,
        @DefaultValue("true") boolean generationEnabled) {
}
