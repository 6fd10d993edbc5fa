package com.opensvc.aftersales.dispatch.partsalert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Parts' PartsRequestRejected as dispatch reads it (PRT-01): the storekeeper refused the order's parts request. */
record PartsRequestRejected(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotBlank String technicianId,
                            @NotNull UUID reservationId, String fromLocation,
                            @NotEmpty List<@NotNull @Valid Line> lines, @NotBlank String reason,
                            @NotBlank String actor, @NotNull Instant occurredAt) {

    record Line(@NotBlank String partNumber, @Min(1) int quantity) {
    }
}
