package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Intake's EntitlementChanged as dispatch reads it (INT-07): the ticket's open work order is held and takes the new
 * entitlement; {@code quoteRequired} (PAID without an approved quote) makes the hold wait for {@code QuoteApproved}.
 */
record EntitlementChanged(@NotNull UUID ticketId, String previousEntitlement, @NotBlank String entitlement,
                          String reason, @NotNull Boolean quoteRequired, @NotBlank String actor) {
}
