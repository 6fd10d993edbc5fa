package com.opensvc.aftersales.dispatch.partsalert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Parts' PartsWriteOffBlocked as dispatch reads it (PRT-03): the old part returned for a warranty loan does not match
 * the unit's production inspection record; {@code reason} is parts' (NO_PRODUCTION_RECORD,
 * PART_NOT_IN_PRODUCTION_RECORD, MISMATCH), shown as it comes.
 */
record PartsWriteOffBlocked(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotBlank String technicianId,
                            @NotNull UUID loanId, @NotBlank String partNumber, @Min(1) int quantity,
                            String returnedSerial, LocalDate returnedFactoryDate, @NotBlank String reason,
                            @NotBlank String actor, @NotNull Instant occurredAt) {
}
