package com.opensvc.aftersales.parts.catalogue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/parts/catalogue}: a new part (DOMAIN.md §5), priced by the storekeeper (INT-08).
 *
 * @param unitPrice     0 or more, at most 10 digits before the point and 2 after (a third decimal is refused, never
 *                      rounded)
 * @param fittingModels the product models it fits (may be empty or absent)
 */
public record NewPart(
        @NotBlank @Pattern(regexp = NewPart.CODE, message = NewPart.CODE_MESSAGE) String partNumber,
        @NotBlank @Size(max = 200) String description,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
        @NotNull Boolean serialised,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> fittingModels) {

    /** Part numbers and location codes: upper-case letters, digits, '.', '_', '-'; at most 40. */
    static final String CODE = "[A-Z0-9][A-Z0-9._-]{0,39}";
    static final String CODE_MESSAGE = "must be 1 to 40 upper-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    List<String> models() {
        return PartEdit.distinctSorted(fittingModels);
    }
}
