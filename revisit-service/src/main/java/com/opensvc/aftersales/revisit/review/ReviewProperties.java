package com.opensvc.aftersales.revisit.review;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * INT-26 review and lock of revisits.
 *
 * @param zone the company's time zone: the year a faulty return is counted in (the year-end assessment)
 */
@Validated
@ConfigurationProperties("aftersales.revisit.review")
public record ReviewProperties(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {
}
