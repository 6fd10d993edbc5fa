package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What quality reads of dispatch's RepairClosed. serialNumber is required by RepairClosed and by DefectRecorded: a
 * missing one makes the event malformed. A repair closed without a cause code reports no defect.
 */
public record RepairClosed(@NotNull UUID ticketId, @NotNull UUID workOrderId, @NotNull String productModel,
                           @NotNull String serialNumber, @NotNull String symptom, String causeCode,
                           @NotNull Instant occurredAt) {

    boolean hasCauseCode() {
        return causeCode != null && !causeCode.isBlank();
    }
}
