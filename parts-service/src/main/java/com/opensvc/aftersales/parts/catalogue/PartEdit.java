package com.opensvc.aftersales.parts.catalogue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/parts/catalogue/{partNumber}}: the part's whole editable state (a full replacement: every field is
 * required, {@code fittingModels} may be empty). {@code active: false} retires the part (SEC-05: never deleted).
 */
public record PartEdit(@NotBlank @Size(max = 200) String description,
                       @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
                       @NotNull Boolean serialised,
                       @NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> fittingModels,
                       @NotNull Boolean active) {

    List<String> models() {
        return distinctSorted(fittingModels);
    }

    static List<String> distinctSorted(List<String> models) {
        return models == null ? List.of() : models.stream().map(String::strip).distinct().sorted().toList();
    }
}
