package com.opensvc.aftersales.intake.entitlement;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Warranty terms per product line, with a default for lines not listed (INT-06: "configuration, per product line"). */
@Validated
@ConfigurationProperties("aftersales.intake.entitlement")
public record EntitlementProperties(
        @DefaultValue @Valid @NotNull WarrantyTerms defaultTerms,
        @DefaultValue Map<String, @Valid WarrantyTerms> productLines) {

    public WarrantyTerms termsFor(String productLine) {
        return productLine == null ? defaultTerms : productLines.getOrDefault(productLine, defaultTerms);
    }
}
