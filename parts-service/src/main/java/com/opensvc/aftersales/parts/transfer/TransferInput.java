package com.opensvc.aftersales.parts.transfer;

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
 * Stock the storekeeper moves between two stores or the central warehouse (never a technician's holding: that is
 * issue and return).
 *
 * @param reason why (e.g. "balance stock", "urgent repair at STORE-SOUTH")
 * @param lines  each part once, a positive whole quantity
 */
public record TransferInput(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String from,
                            @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String to,
                            @NotBlank @Size(max = 500) @Pattern(regexp = NO_CONTROL) String reason,
                            @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    /** Quantities are read as decimals so that a fraction is refused, never truncated. */
    public record Line(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String partNumber,
                       @NotNull @Positive @Digits(integer = 6, fraction = 0) BigDecimal quantity) {
    }
}
