package com.opensvc.aftersales.intake.inspection;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * dispatch's InspectionProblemFound v1 (DSP-09), as intake reads it: a problem found on a maintenance inspection, for
 * a customer's installed product; no ticket yet.
 */
public record InspectionProblemFound(@NotNull UUID inspectionId, @NotNull UUID problemId, UUID maintenanceOrderId,
                                     UUID planId, @NotNull UUID customerId, UUID installedProductId,
                                     @NotBlank String productModel, String serialNumber, String region,
                                     @NotNull @Valid Problem problem, String technicianId, String actor,
                                     Instant occurredAt) {

    public record Problem(@NotBlank String description, String severity) {
    }
}
