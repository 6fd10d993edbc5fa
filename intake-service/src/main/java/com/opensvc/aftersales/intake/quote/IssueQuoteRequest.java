package com.opensvc.aftersales.intake.quote;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * @param removable    false when the product cannot be removed and must be repaired on site: then travel is
 *                     charged even under warranty (INT-08). Absent = removable.
 * @param paymentTerms absent = the configured default (PREPAID for depot repair)
 */
public record IssueQuoteRequest(
        Boolean removable,
        PaymentTerms paymentTerms,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @Size(max = 2000) String note) {

    /**
     * One line as the desk asks for it; prices come from intake's price lists, never from the request.
     *
     * @param quantity parts: how many; travel: how many visits (absent = 1)
     * @param minutes  labour time
     */
    public record Line(
            @NotNull LineKind kind,
            @Size(max = 64) String partNumber,
            @Positive @Max(999) Integer quantity,
            @Size(max = 64) String labourCode,
            @Positive @Max(100_000) Integer minutes,
            @Size(max = 64) String travelZone) {
    }

    public boolean removableOrDefault() {
        return removable == null || removable;
    }
}
