package com.opensvc.aftersales.dispatch.workorder;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** DSP-05: what the technician records for a fixed product. */
public record RecordVisitRequest(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 2000) String symptom,
        @NotBlank @Size(max = 64) String causeCode,
        @NotBlank @Size(max = 4000) String actions,
        @NotNull @Size(max = 50) List<@Valid PartUsed> partsUsed,
        @Min(0) @Max(7 * 24 * 60) int labourMinutes,
        @NotBlank @Size(max = 200) String customerConfirmation) {

    /** NOT_FIXED (DSP-06) arrives with the technical-support flow. */
    public enum Outcome {
        FIXED
    }

    public record PartUsed(@NotBlank @Size(max = 64) String partNumber, @Min(1) @Max(999) int quantity,
                           @Size(max = 100) String newSerial, @Size(max = 100) String oldSerial) {
    }
}
