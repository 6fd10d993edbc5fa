package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

/**
 * The defect list's filters (all optional): failures reported in [failedFrom, failedBefore).
 *
 * @param failureMode matched as recorded (normalised)
 */
public record DefectFilter(UUID ticketId, String productModel, String failureMode, DefectState state,
                           DefectSource source, Instant failedFrom, Instant failedBefore) {
    public static final DefectFilter NONE = new DefectFilter(null, null, null, null, null, null, null);
}
