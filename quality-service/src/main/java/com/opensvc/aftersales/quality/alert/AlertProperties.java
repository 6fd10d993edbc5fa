package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * QLT-06 the default trend-alert rule (a model's own rule, set through the API, replaces it) and the re-arming job.
 *
 * @param window           the rolling window, whole days (DOMAIN.md §11 is silent: 30 days)
 * @param countThreshold   an alert when the failures of one model and failure mode in the window EXCEED it
 * @param rateThreshold    an alert when those failures EXCEED this share of the model's installed base; empty = none
 * @param minInstalledBase the rate applies only to a model with at least this many installed units
 * @param jobInterval      how often the job looks for crossings that ended (the key is re-armed)
 * @param jobBatchSize     open alerts claimed per transaction by the job
 * @param jobEnabled       false leaves the job unscheduled (tests drive it with the instant they need)
 */
@Validated
@ConfigurationProperties("aftersales.quality.alert")
public record AlertProperties(
        @DefaultValue("P30D") @NotNull Duration window,
        @DefaultValue("5") @Min(0) int countThreshold,
        @DefaultValue("0.02") @Positive @DecimalMax("1") BigDecimal rateThreshold,
        @DefaultValue("50") @Min(1) long minInstalledBase,
        @DefaultValue("PT1H") @NotNull Duration jobInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int jobBatchSize,
        @DefaultValue("true") boolean jobEnabled) {

    /** The rule of every model without its own. */
    AlertRule defaultRule() {
        return new AlertRule(null, AlertRule.wholeDays(window), countThreshold, rateThreshold, null, null, 0);
    }
}
