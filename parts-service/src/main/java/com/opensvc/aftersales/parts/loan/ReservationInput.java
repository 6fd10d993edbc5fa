package com.opensvc.aftersales.parts.loan;

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
 * PRT-01: a parts request made at the store's counter ({@code POST /api/parts/reservations}), the same as dispatch's
 * PartsRequested.
 *
 * @param fromLocation the store the parts are reserved at
 * @param lines        each part once, a positive whole quantity
 */
public record ReservationInput(@NotNull UUID workOrderId, @NotNull UUID ticketId,
                               @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String technicianId,
                               @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String fromLocation,
                               @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {
    static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    /** Quantities are read as decimals so that a fraction is refused, never truncated. */
    public record Line(@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL) String partNumber,
                       @NotNull @Positive @Digits(integer = 6, fraction = 0) BigDecimal quantity) {
    }

    /** The rejection of a request above the auto-approval limit. */
    public record Rejection(@NotBlank @Size(max = 500) @Pattern(regexp = NO_CONTROL) String reason) {
    }
}
