package com.opensvc.aftersales.parts.requisition;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A requisition the storekeeper raises.
 *
 * @param kind     PURCHASE (from a supplier, for the central warehouse or a store) or REPLENISHMENT (a store asks
 *                 the central warehouse)
 * @param location the store (or, for a purchase, the central warehouse) the stock is for
 * @param supplier who the purchase is from (optional)
 * @param lines    each part once, a positive whole quantity
 */
public record RequisitionInput(@NotNull RequisitionKind kind,
                               @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String location,
                               @Size(max = 200) @Pattern(regexp = NO_CONTROL) String supplier,
                               @Size(max = 2000) String note,
                               @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    /** Quantities are read as decimals so that a fraction is refused, never truncated. */
    public record Line(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String partNumber,
                       @NotNull @Positive @Digits(integer = 6, fraction = 0) BigDecimal quantity) {
    }
}
