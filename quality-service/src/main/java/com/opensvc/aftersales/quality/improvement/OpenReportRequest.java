package com.opensvc.aftersales.quality.improvement;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * QLT-05: a report opened by hand, for a quality alert (or none). Photos of the problem are a later issue.
 *
 * @param affectedQuantity a whole number of units, 1 or more (a fraction is refused, not truncated)
 */
public record OpenReportRequest(UUID alertId,
                                @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String problem,
                                @NotBlank @Size(max = 100) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String productModel,
                                @NotNull @Positive @Digits(integer = 9, fraction = 0) BigDecimal affectedQuantity) {
}
