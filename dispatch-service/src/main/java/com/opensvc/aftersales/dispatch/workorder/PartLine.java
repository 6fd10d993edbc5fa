package com.opensvc.aftersales.dispatch.workorder;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A part number and its quantity: what the diagnosis expects (TicketAccepted) and what dispatch requests. */
public record PartLine(@NotBlank String partNumber, @Min(1) int quantity) {
}
