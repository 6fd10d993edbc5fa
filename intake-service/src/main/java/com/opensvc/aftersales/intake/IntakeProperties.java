package com.opensvc.aftersales.intake;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Service-wide configuration (no feature's types: the features' own settings are in their packages).
 *
 * @param zone the company's time zone: "today" for entitlement and ticket-number years is taken there
 */
@Validated
@ConfigurationProperties("aftersales.intake")
public record IntakeProperties(@DefaultValue("UTC") @NotNull ZoneId zone) {
}
