package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Parts' PartsIssued as dispatch reads it: the parts of a work order are in the technician's hands (DSP-03).
 * {@code complete} false (PRT-01 partial issue): only the available lines were issued, the rest is back-ordered;
 * absent (older producers) means true.
 */
record PartsIssued(@NotNull UUID workOrderId, @NotBlank String actor, Boolean complete) {
    /** An issue of the whole request (the form of older producers). */
    PartsIssued(UUID workOrderId, String actor) {
        this(workOrderId, actor, null);
    }

    boolean issuedInFull() {
        return complete == null || complete;
    }
}
