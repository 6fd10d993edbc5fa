package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

/**
 * In-process: quality classified or corrected a defect record, or finished its analysis (QLT-01, QLT-02), published
 * inside that transaction. Supplier claims (QLT-09) follow it: a failure whose cause is a purchased component.
 *
 * @param causingPartNumber the component that caused the failure, when the analysis names one
 */
public record DefectClassified(UUID defectId, UUID ticketId, String productModel, String serialNumber,
                               String productionBatch, String failureMode, String cause, String responsibleDepartment,
                               String responsibleProcess, String causingPartNumber, String actor, Instant at) {
}
