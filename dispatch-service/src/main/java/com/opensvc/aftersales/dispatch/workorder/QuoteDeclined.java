package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Intake's QuoteDeclined as dispatch reads it (INT-08): a held work order of the ticket is cancelled. */
record QuoteDeclined(@NotNull UUID ticketId, @NotNull UUID quoteId, @NotBlank String actor) {
}
