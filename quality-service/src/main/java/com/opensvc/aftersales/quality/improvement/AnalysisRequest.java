package com.opensvc.aftersales.quality.improvement;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * QLT-05: the analysis of an open report: the problem and how many units it affects, the temporary countermeasures
 * after-sales applies at once, and the root cause.
 */
public record AnalysisRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String problem,
        @NotNull @Positive @Digits(integer = 9, fraction = 0) BigDecimal affectedQuantity,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String temporaryCountermeasures,
        @NotNull @Valid RootCause rootCause) {
}
