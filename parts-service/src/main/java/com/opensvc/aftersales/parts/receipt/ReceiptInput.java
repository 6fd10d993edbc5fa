package com.opensvc.aftersales.parts.receipt;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * PRT-01: stock a storekeeper received into a store.
 *
 * @param location  the store or central warehouse receiving the stock
 * @param reference the packing list or purchase order it came with
 * @param lines     each part once, a positive whole quantity
 * @param requisitionId the requisition the delivery is against: each line is checked against what it requested
 *                      (purchase) or allocated (replenishment) and has not yet received; null for an unplanned
 *                      delivery
 */
public record ReceiptInput(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String location,
                           @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL) String reference,
                           @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines,
                           UUID requisitionId) {

    /** An unplanned delivery (no requisition). */
    public ReceiptInput(String location, String reference, List<Line> lines) {
        this(location, reference, lines, null);
    }
    /** No control characters (a NUL would reach PostgreSQL, a terminal escape the screen). */
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    /** Quantities are read as decimals so that a fraction is refused, never truncated. */
    public record Line(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String partNumber,
                       @NotNull @Positive @Digits(integer = 6, fraction = 0) BigDecimal quantity) {
    }
}
