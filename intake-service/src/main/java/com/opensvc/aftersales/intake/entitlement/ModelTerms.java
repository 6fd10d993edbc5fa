package com.opensvc.aftersales.intake.entitlement;

import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A product model's place in the catalogue (INT-06: "a product model … may extend" the warranty).
 *
 * @param productLine             the line whose warranty terms apply
 * @param warrantyExtensionMonths months added to the line's warranty for this model
 * @param removable               false for equipment that cannot be carried in (INT-08: travel is charged even
 *                                under warranty when it needs an on-site visit)
 */
public record ModelTerms(
        @NotBlank String productLine,
        @DefaultValue("0") @Min(0) @Max(120) int warrantyExtensionMonths,
        @DefaultValue("true") boolean removable) {
}
