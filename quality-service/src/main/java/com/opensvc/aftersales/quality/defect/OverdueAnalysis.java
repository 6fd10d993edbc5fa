package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

/**
 * QLT-02: a returned product or part still awaiting analysis past its due time.
 *
 * @param daysOverdue whole days begun since the due time (an analysis an hour late is 1 day overdue)
 */
public record OverdueAnalysis(UUID defectId, UUID ticketId, UUID workOrderId, DefectSource source, String productModel,
                              String serialNumber, String partNumber, String failureMode, Instant receivedAt,
                              Instant analysisDueBy, long daysOverdue) {
}
