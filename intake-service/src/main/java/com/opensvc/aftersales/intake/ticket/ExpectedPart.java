package com.opensvc.aftersales.intake.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A spare part the desk expects the technician to need (DSP-01). */
public record ExpectedPart(@NotBlank @Size(max = 64) String partNumber, @Min(1) @Max(999) int quantity) {
}
