package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What dispatch reads of revisit's RevisitUnreachable (REV-06, REV-07 → DSP-10): the happy call of a work order found
 * nobody; {@code workOrderId} is null for a complaint revisit (not counted on a scorecard).
 */
public record RevisitUnreachable(@NotNull UUID revisitId, @NotNull UUID ticketId, UUID workOrderId,
                                 String technicianId, Integer attempts, @NotNull Instant occurredAt) {
}
