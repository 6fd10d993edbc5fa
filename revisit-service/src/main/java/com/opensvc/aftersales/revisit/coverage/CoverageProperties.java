package com.opensvc.aftersales.revisit.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/**
 * REV-01 (§11) month-end top-up: every technician with completed work orders in a month gets a happy call that month.
 *
 * @param cron       when every replica tops up the month just ended, in the company's time zone
 *                   ({@code aftersales.revisit.zone}); default 00:05 on the 1st. A technician's month is topped up once
 *                   whatever the schedule, so e.g. {@code 0 5 0 1-3 * *} also catches up after an outage on the 1st
 * @param jobEnabled false switches the scheduled top-up off (the on-demand endpoint still works)
 */
@Validated
@ConfigurationProperties("aftersales.revisit.coverage")
public record CoverageProperties(
        @DefaultValue("0 5 0 1 * *") @NotBlank String cron,
        @DefaultValue("true") boolean jobEnabled) {

    @AssertTrue(message = "must be a Spring cron expression (second minute hour day month weekday)")
    public boolean isCronValid() {
        return cron != null && CronExpression.isValidExpression(cron);
    }
}
