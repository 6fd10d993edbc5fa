package com.opensvc.aftersales.revisit.happycall;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * REV-06: how many unanswered calls make a customer unreachable (this platform's default: 3, DOMAIN.md §11), and how
 * many calendar days (company time zone) must lie between two attempts — "on different days" is 1.
 */
@Validated
@ConfigurationProperties("aftersales.revisit.attempts")
public record CallAttempts(@DefaultValue("3") @Min(1) @Max(10) int beforeUnreachable,
                           @DefaultValue("1") @Min(0) @Max(30) int daysApart) {
}
