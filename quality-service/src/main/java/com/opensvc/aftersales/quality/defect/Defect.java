package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

public record Defect(UUID id, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                     String failureMode, String cause, String responsibleDepartment, String source,
                     Instant recordedAt) {
    static final String SOURCE_REPAIR = "REPAIR_CLOSED";

    /** QLT-01: the defect a closed repair reports; the responsible department is left to the analysis. */
    static Defect fromRepair(RepairClosed repair, Instant at) {
        return new Defect(UUID.randomUUID(), repair.ticketId(), repair.workOrderId(), repair.productModel(),
                repair.serialNumber(), repair.symptom(), repair.causeCode(), null, SOURCE_REPAIR, at);
    }

    DefectEvent.DefectRecorded recorded(String actor) {
        return new DefectEvent.DefectRecorded(id, ticketId, workOrderId, productModel, serialNumber, failureMode, cause,
                source, actor, recordedAt);
    }
}
