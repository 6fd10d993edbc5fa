package com.opensvc.aftersales.parts.report;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * PRT-07, RPT-01 parts reports.
 *
 * @param zone           the company's time zone: report days and months begin at its midnight; default Asia/Shanghai
 * @param maxRangeDays   the longest {@code from}–{@code to} range a report may cover (inclusive days); default 366
 * @param maxExportRows  the most rows a CSV or Excel download holds (the newest first where a report is ordered by
 *                       time); more matching rows are left out and the answer says so ({@code X-Total-Items},
 *                       {@code X-Truncated}); default 10000
 */
@Validated
@ConfigurationProperties("aftersales.parts.reports")
public record PartsReportProperties(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
                                    @DefaultValue("366") @Min(1) @Max(3660) int maxRangeDays,
                                    @DefaultValue("10000") @Min(1) @Max(1000000) int maxExportRows) {
}
