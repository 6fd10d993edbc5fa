package com.opensvc.aftersales.dispatch.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.maintenance.InspectionRecord;

/**
 * RPT-02 the inspection record (DSP-09): the product inspected, the items checked with their results, the problems
 * found and who signed for the customer. The signature image is not printed (the record keeps it); the confirmation
 * method is.
 */
public record InspectionRecordDocument(UUID inspectionId, UUID maintenanceOrderId, String productModel,
                                       String serialNumber, String region, String kind, String mode, String name,
                                       LocalDate dueDate, LocalDate performedOn, String technicianId,
                                       String technicianName, List<InspectionRecord.ItemResult> items,
                                       List<InspectionRecord.Problem> problems, String confirmation, String signedBy,
                                       Instant recordedAt) {

    static InspectionRecordDocument of(InspectionRecord r, DocumentSources sources) {
        return new InspectionRecordDocument(r.id(), r.maintenanceOrderId(), r.productModel(), r.serialNumber(),
                r.region(), String.valueOf(r.kind()), String.valueOf(r.mode()), r.name(), r.dueDate(), r.performedOn(),
                r.technicianId(), sources.technicianName(r.technicianId()), r.items(), r.problems(),
                String.valueOf(r.confirmation()), r.signedBy(), r.recordedAt());
    }

    @Override
    public String toString() {
        return "InspectionRecordDocument[" + inspectionId + "]";
    }
}
