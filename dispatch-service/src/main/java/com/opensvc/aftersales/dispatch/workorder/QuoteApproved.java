package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Intake's QuoteApproved as dispatch reads it (INT-08): a hold that waited for the quote is released. */
record QuoteApproved(@NotNull UUID ticketId, @NotNull UUID quoteId, @NotBlank String actor) {
}
