package com.opensvc.aftersales.quality.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What quality reads of parts' PartsReturned (QLT-03): a loaned part that came back unused. */
public record PartsReturned(@NotNull UUID ticketId, @NotNull String partNumber, @NotNull Integer quantity,
                            @NotNull Instant occurredAt) {
}
