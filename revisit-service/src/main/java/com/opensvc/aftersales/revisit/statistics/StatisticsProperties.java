package com.opensvc.aftersales.revisit.statistics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * REV-07: the monthly revisit statistics (the desk submits a statistics report every month).
 *
 * @param jobEnabled  false leaves the job unscheduled (tests drive it with the instant they need)
 * @param jobInterval how often every replica looks whether last month's statistics are due and not kept yet
 * @param dayOfMonth  the previous month's statistics are kept from this day of the month on (company zone), 1–28
 */
@Validated
@ConfigurationProperties("aftersales.revisit.statistics")
public record StatisticsProperties(@DefaultValue("true") boolean jobEnabled,
                                   @DefaultValue("15m") @NotNull Duration jobInterval,
                                   @DefaultValue("1") @Min(1) @Max(28) int dayOfMonth) {
}
