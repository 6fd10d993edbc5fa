package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of revisit's CustomerDissatisfied (REV-05): the customer was dissatisfied. */
public record CustomerDissatisfied(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
}
