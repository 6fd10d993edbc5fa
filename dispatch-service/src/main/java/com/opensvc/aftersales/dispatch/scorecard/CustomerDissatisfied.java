package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What dispatch reads of revisit's CustomerDissatisfied (REV-05, DSP-10): a DISSATISFIED rating of the work order,
 * with the optional survey and technician (REV-07).
 */
public record CustomerDissatisfied(@NotNull UUID revisitId, @NotNull UUID ticketId, UUID workOrderId,
                                   String technicianId, Survey survey, @NotNull Instant occurredAt) {
    Rating rating() {
        return new Rating(revisitId, ticketId, workOrderId, Satisfaction.DISSATISFIED, technicianId,
                Survey.orNone(survey), occurredAt);
    }
}
