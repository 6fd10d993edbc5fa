package com.opensvc.aftersales.intake.customer.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * RPT-04 customer import and export limits.
 *
 * @param maxFileSize    an upload larger than this is refused with 413 before it is parsed
 * @param maxRows        a sheet with more customer rows than this is refused (split it)
 * @param maxErrors      a refused import lists at most this many row errors
 * @param exportPageSize customers read from the database per query while an export streams
 */
@Validated
@ConfigurationProperties("aftersales.intake.customer-transfer")
public record CustomerTransferProperties(
        @DefaultValue("10MB") @NotNull DataSize maxFileSize,
        @DefaultValue("50000") @Min(1) @Max(1_000_000) int maxRows,
        @DefaultValue("100") @Min(1) @Max(10_000) int maxErrors,
        @DefaultValue("1000") @Min(10) @Max(10_000) int exportPageSize) {
}
