package com.opensvc.aftersales.dispatch.scorecard;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * DSP-10 scorecards and RPT-01 reports.
 *
 * @param zone             the company's time zone: days, months, quarters and years begin at its midnight
 * @param maxDailyRangeDays the longest range a report by day may cover (inclusive days)
 * @param maxRangeDays     the longest range a report by month, quarter or year may cover
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.reports")
public record ReportProperties(@DefaultValue("UTC") @NotNull ZoneId zone,
                               @DefaultValue("366") @Min(1) @Max(3660) int maxDailyRangeDays,
                               @DefaultValue("3660") @Min(1) @Max(36600) int maxRangeDays) {
}
