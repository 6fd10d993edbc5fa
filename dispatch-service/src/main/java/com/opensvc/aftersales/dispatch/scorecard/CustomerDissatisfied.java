package com.opensvc.aftersales.dispatch.scorecard;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What dispatch reads of revisit's CustomerDissatisfied (REV-05, DSP-10): a DISSATISFIED rating of the work order. */
public record CustomerDissatisfied(@NotNull UUID revisitId, @NotNull UUID ticketId, UUID workOrderId,
                                   @NotNull Instant occurredAt) {
    Rating rating() {
        return new Rating(revisitId, ticketId, workOrderId, Satisfaction.DISSATISFIED, occurredAt);
    }
}
