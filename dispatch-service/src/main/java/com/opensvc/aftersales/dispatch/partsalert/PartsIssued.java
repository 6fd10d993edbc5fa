package com.opensvc.aftersales.dispatch.partsalert;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Parts' PartsIssued as the parts alerts read it (PRT-01): parts reached the order, so a refusal is overtaken. */
record PartsIssued(@NotNull UUID workOrderId, @NotBlank String actor, @NotNull Instant occurredAt) {
}
