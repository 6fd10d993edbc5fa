package com.opensvc.aftersales.revisit.statistics;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.NotNull;

/**
 * RPT-01, REV-07: the company's time zone ({@code aftersales.revisit.zone}, the same key the sampling's monthly coverage
 * reads): report periods and statistics months begin at its midnight.
 */
@ConfigurationProperties("aftersales.revisit")
public record CompanyZone(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {
}
