package com.opensvc.aftersales.intake.entitlement;

import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A product line's warranty periods (INT-06): configuration, DOMAIN.md defaults.
 *
 * @param warrantyStart which installed-product date starts the warranty
 */
public record WarrantyTerms(
        @DefaultValue("SHIP_DATE") @NotNull WarrantyStart warrantyStart,
        @DefaultValue("7") @Min(0) int returnDays,
        @DefaultValue("30") @Min(0) int exchangeDays,
        @DefaultValue("12") @Min(0) @Max(240) int warrantyMonths) {

    public static final WarrantyTerms DEFAULT = new WarrantyTerms(WarrantyStart.SHIP_DATE, 7, 30, 12);

    public WarrantyTerms {
        if (exchangeDays < returnDays) {
            throw new IllegalArgumentException("exchange-days (" + exchangeDays + ") must not be shorter than return-days (" + returnDays + ")");
        }
    }

    public enum WarrantyStart {
        SHIP_DATE, SALE_DATE, INSTALLATION_ACCEPTANCE_DATE
    }
}
