package com.opensvc.aftersales.parts.loan;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What parts reads of dispatch's PaymentCollected (PRT-03): the payment reference paid work is written off against. */
public record PaymentCollected(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotNull String reference,
                               @NotNull String actor) {
}
