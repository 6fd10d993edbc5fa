package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of intake's TicketRegistered: a COMPLAINT's category, channel and model. */
public record TicketRegistered(@NotNull UUID ticketId, String ticketNumber, String kind, String category,
                               String channel, String productModel, @NotNull Instant occurredAt) {

    boolean complaint() {
        return "COMPLAINT".equals(kind);
    }
}
