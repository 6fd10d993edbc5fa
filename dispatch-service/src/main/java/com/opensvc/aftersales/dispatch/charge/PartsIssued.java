package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Parts' PartsIssued as the charges read it (INT-08): the catalogue's unit price of each issued part, in
 * {@code currency}. A line without a price, or an event without a currency, is taken as it is: unpriced, or in
 * dispatch's currency.
 */
record PartsIssued(@NotNull @Valid List<Line> lines, String currency, @NotNull Instant occurredAt) {

    record Line(@NotBlank String partNumber, @PositiveOrZero BigDecimal unitPrice) {
    }
}
