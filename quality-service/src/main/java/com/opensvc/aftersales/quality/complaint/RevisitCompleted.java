package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of revisit's RevisitCompleted (REV-04): the satisfaction stated. */
public record RevisitCompleted(@NotNull UUID ticketId, @NotNull Satisfaction satisfaction,
                               @NotNull Instant occurredAt) {
}
