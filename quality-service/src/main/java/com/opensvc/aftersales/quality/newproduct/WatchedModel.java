package com.opensvc.aftersales.quality.newproduct;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * QLT-07: a model under the new-product watch with its failures so far.
 *
 * @param failuresPer100Units failures per 100 installed units (null without an installed base)
 */
public record WatchedModel(String productModel, LocalDate launchedOn, ModelLaunch.Source launchSource,
                           LocalDate watchEndsOn, long installedUnits, long failures, BigDecimal failuresPer100Units,
                           Instant lastFailureAt, long surveyFindings) {
}
