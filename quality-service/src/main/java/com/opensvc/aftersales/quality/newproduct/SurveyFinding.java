package com.opensvc.aftersales.quality.newproduct;

import java.time.Instant;
import java.util.UUID;

/** QLT-07: one written survey finding after-sales submitted for a new product. */
public record SurveyFinding(UUID id, String productModel, String findings, int customersSurveyed, String submittedBy,
                            Instant submittedAt) {
}
