package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Parts' PartsIssued as dispatch reads it: the parts of a work order are in the technician's hands (DSP-03). */
record PartsIssued(@NotNull UUID workOrderId, @NotBlank String actor) {
}
