package com.opensvc.aftersales.intake.quote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The customer's answer to a quote as the desk records it.
 *
 * @param customerName who at the customer accepted or declined
 * @param method       how they told us
 */
public record CustomerAnswer(@NotBlank @Size(max = 200) String customerName, @NotNull AcceptanceMethod method,
                             @Size(max = 2000) String note) {
}
