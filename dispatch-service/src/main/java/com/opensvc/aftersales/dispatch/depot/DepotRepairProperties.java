package com.opensvc.aftersales.dispatch.depot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * DSP-07 depot repairs.
 *
 * @param targetDays the depot repair is finished within this many days of receipt, measured to the hand-over to the
 *                   carrier (transit excluded); DSP-07 says 3–5, so only 3, 4 or 5 are accepted; calendar days of 24 hours
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.depot")
public record DepotRepairProperties(@DefaultValue("5") @Min(3) @Max(5) int targetDays) {
    public Duration target() {
        return Duration.ofDays(targetDays);
    }
}
