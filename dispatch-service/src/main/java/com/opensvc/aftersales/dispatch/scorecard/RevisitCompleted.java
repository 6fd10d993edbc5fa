package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What dispatch reads of revisit's RevisitCompleted (REV-05, DSP-10); {@code workOrderId} is null for a complaint.
 * {@code technicianId} and {@code survey} are optional (REV-07).
 */
public record RevisitCompleted(@NotNull UUID revisitId, @NotNull UUID ticketId, UUID workOrderId,
                               @NotNull Satisfaction satisfaction, String technicianId, Survey survey,
                               @NotNull Instant occurredAt) {
    Rating rating() {
        return new Rating(revisitId, ticketId, workOrderId, satisfaction, technicianId, Survey.orNone(survey),
                occurredAt);
    }
}
