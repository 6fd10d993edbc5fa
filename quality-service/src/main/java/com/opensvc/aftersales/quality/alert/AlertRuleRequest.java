package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * QLT-06: a model's own alert rule.
 *
 * @param window         the rolling window as an ISO-8601 duration of whole days, 1 to 366 (e.g. {@code P30D})
 * @param countThreshold an alert when the failures in the window exceed it
 * @param rateThreshold  an alert when the failures exceed this share of the installed base (0 &lt; rate ≤ 1); null =
 *                       no rate rule for the model
 */
public record AlertRuleRequest(@NotBlank String window,
                               @NotNull @Min(0) @Max(1_000_000) Integer countThreshold,
                               @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 6)
                               BigDecimal rateThreshold) {
}
