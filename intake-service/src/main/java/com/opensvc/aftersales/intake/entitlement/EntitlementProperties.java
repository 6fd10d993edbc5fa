package com.opensvc.aftersales.intake.entitlement;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Product lines and models as configuration (INT-06: "the periods are configuration, per product line"), with a
 * default for lines not listed. Checked at start-up: a model must name a configured product line.
 */
@Validated
@ConfigurationProperties("aftersales.intake.entitlement")
public record EntitlementProperties(
        @DefaultValue @Valid @NotNull WarrantyTerms defaultTerms,
        @DefaultValue Map<String, @Valid WarrantyTerms> productLines,
        @DefaultValue Map<String, @Valid ModelTerms> models) {

    public EntitlementProperties {
        for (var model : models.entrySet()) {
            if (model.getValue() != null && !productLines.containsKey(model.getValue().productLine())) {
                throw new IllegalArgumentException("aftersales.intake.entitlement.models." + model.getKey()
                        + ".product-line names " + model.getValue().productLine()
                        + ", which is not configured under aftersales.intake.entitlement.product-lines "
                        + productLines.keySet());
            }
        }
    }

    public WarrantyTerms termsFor(String productLine) {
        return productLine == null ? defaultTerms : productLines.getOrDefault(productLine, defaultTerms);
    }

    /** The configured model, or null for a model the catalogue does not list. */
    public ModelTerms model(String productModel) {
        return productModel == null ? null : models.get(productModel);
    }

    public int warrantyExtensionMonths(String productModel) {
        ModelTerms model = model(productModel);
        return model == null ? 0 : model.warrantyExtensionMonths();
    }
}
