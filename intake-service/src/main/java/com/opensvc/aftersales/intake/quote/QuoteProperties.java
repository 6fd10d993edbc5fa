package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * INT-08 quote settings.
 *
 * @param validity                 how long an issued quote stays open (DOMAIN.md §11: 14 days)
 * @param managerApprovalAbove     a quote whose total is strictly above this needs a manager after the supervisor
 * @param currency                 ISO 4217 code the price lists and quotes are in
 * @param defaultPaymentTerms      payment terms of a quote that names none
 * @param depotPaymentTerms        payment terms of a depot (CARRY_IN) repair quote that names none
 * @param expiryInterval           how often the expiry job looks for due quotes
 * @param expiryBatchSize          quotes claimed per transaction by the expiry job
 * @param expiryJobEnabled         false switches the scheduled expiry off (e.g. on replicas that should not run it)
 */
@Validated
@ConfigurationProperties("aftersales.intake.quote")
public record QuoteProperties(
        @DefaultValue("14d") @NotNull Duration validity,
        @DefaultValue("5000.00") @NotNull @PositiveOrZero BigDecimal managerApprovalAbove,
        @DefaultValue("CNY") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @DefaultValue("ON_SITE") @NotNull PaymentTerms defaultPaymentTerms,
        @DefaultValue("PREPAID") @NotNull PaymentTerms depotPaymentTerms,
        @DefaultValue("1m") @NotNull Duration expiryInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int expiryBatchSize,
        @DefaultValue("true") boolean expiryJobEnabled) {
}
