package com.opensvc.aftersales.intake.complaint.accountability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/**
 * INT-21 monthly accountability report.
 *
 * @param cron       when the report for the previous month is issued, in the company's time zone
 *                   ({@code aftersales.intake.zone}); default 06:00 on the 4th ("by the 4th of each month"). A report
 *                   is issued once per month whatever the schedule, so e.g. {@code 0 0 6 4-10 * *} also catches up
 *                   after an outage on the 4th
 * @param jobEnabled false switches the scheduled issue off
 */
@Validated
@ConfigurationProperties("aftersales.intake.accountability")
public record AccountabilityProperties(
        @DefaultValue("0 0 6 4 * *") @NotBlank String cron,
        @DefaultValue("true") boolean jobEnabled) {

    @AssertTrue(message = "must be a Spring cron expression (second minute hour day month weekday)")
    public boolean isCronValid() {
        return cron != null && CronExpression.isValidExpression(cron);
    }
}
