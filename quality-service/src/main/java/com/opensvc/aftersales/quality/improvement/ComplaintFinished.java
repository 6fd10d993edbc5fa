package com.opensvc.aftersales.quality.improvement;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What quality reads of intake's ComplaintFinished for the improvement report: a complaint handled without
 * acceptance still needs its report when {@code qualityMustReport} (optional; absent means no).
 */
public record ComplaintFinished(@NotNull UUID ticketId, @NotBlank String ticketNumber, Boolean qualityMustReport) {

    boolean mustReport() {
        return Boolean.TRUE.equals(qualityMustReport);
    }
}
