package com.opensvc.aftersales.dispatch.review;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * INT-26 review and lock of work orders.
 *
 * @param zone the company's time zone: the year a faulty return is counted in (the year-end assessment)
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.review")
public record ReviewProperties(@DefaultValue("UTC") @NotNull ZoneId zone) {
}
