package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * In-process: a defect record was made (QLT-01), published inside the recording transaction after the save. Trend
 * alerts (QLT-06) and the new-product watch (QLT-07) follow it.
 *
 * @param failureMode the failure mode as recorded (trend alerts group by model and failure mode)
 * @param partNumber  the returned defective part (source DEFECTIVE_PART_RECEIVED), else null
 * @param failedAt    when the failure was reported (the source event's time): the rolling windows count by it
 */
public record DefectLogged(UUID defectId, UUID ticketId, UUID workOrderId, String source, String productModel,
                           String serialNumber, String productionBatch, LocalDate factoryDate, String failureMode,
                           String cause, String partNumber, String region, Instant failedAt, Instant recordedAt) {
}
