package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of intake's TicketClosed: when a complaint's ticket was closed. */
public record TicketClosed(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
}
