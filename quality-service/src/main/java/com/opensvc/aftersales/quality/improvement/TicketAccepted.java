package com.opensvc.aftersales.quality.improvement;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What quality reads of intake's TicketAccepted (INT-05): whether quality must report, and what the report keeps of
 * the ticket. {@code channel} is read if intake sends it (it does not in v1).
 */
public record TicketAccepted(@NotNull UUID ticketId, @NotBlank String ticketNumber, String productModel,
                             String serialNumber, String channel, @NotNull Boolean qualityMustReport) {
}
