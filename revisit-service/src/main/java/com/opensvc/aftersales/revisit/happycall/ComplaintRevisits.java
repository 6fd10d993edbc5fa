package com.opensvc.aftersales.revisit.happycall;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * REV-02, REV-03: how complaint revisits are called.
 *
 * @param qualityContentGroups the ComplaintFinished content groups that make a quality complaint (the product's
 *                             quality: {@code GOODS}); every other one is a service complaint
 * @param qualityCalls         answered calls a quality complaint needs (REV-03: at least 2)
 * @param nextCallAfter        a later call is due this long after the previous answered one (default 7 days)
 * @param remedyWorkingDays    REV-03: the first call is made within this many working days of the remedy (5)
 */
@Validated
@ConfigurationProperties("aftersales.revisit.complaint")
public record ComplaintRevisits(@DefaultValue("GOODS") @NotNull Set<@NotNull String> qualityContentGroups,
                                @DefaultValue("2") @Min(2) @Max(10) int qualityCalls,
                                @DefaultValue("7d") @NotNull Duration nextCallAfter,
                                @DefaultValue("5") @Min(1) @Max(30) int remedyWorkingDays) {

    public static final ComplaintRevisits DEFAULTS = new ComplaintRevisits(Set.of("GOODS"), 2, Duration.ofDays(7), 5);

    ComplaintType typeOf(String contentGroup) {
        return contentGroup != null && qualityContentGroups.contains(contentGroup) ? ComplaintType.QUALITY
                : ComplaintType.SERVICE;
    }

    int requiredCalls(ComplaintType type) {
        return type == ComplaintType.QUALITY ? qualityCalls : 1;
    }
}
