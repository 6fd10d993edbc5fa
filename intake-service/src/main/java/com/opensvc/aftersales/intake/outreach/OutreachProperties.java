package com.opensvc.aftersales.intake.outreach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * INT-17 outreach.
 *
 * @param contactWithin the time to contact every affected customer when the campaign does not say (24 hours)
 * @param batchSize     outreach tickets created per transaction
 * @param pollInterval  how often the worker looks for campaigns still creating tickets
 */
@Validated
@ConfigurationProperties("aftersales.intake.outreach")
public record OutreachProperties(
        @DefaultValue("24h") @NotNull Duration contactWithin,
        @DefaultValue("5000") @Min(1) @Max(50_000) int batchSize,
        @DefaultValue("1s") @NotNull Duration pollInterval) {

    public OutreachProperties {
        if (contactWithin.isNegative() || contactWithin.isZero()) {
            throw new IllegalArgumentException("aftersales.intake.outreach.contact-within must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("aftersales.intake.outreach.poll-interval must be positive");
        }
    }
}
