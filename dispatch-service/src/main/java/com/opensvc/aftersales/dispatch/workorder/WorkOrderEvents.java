package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events dispatch publishes to {@code aftersales.dispatch.workorder}; platform/contracts holds their schemas. */
final class WorkOrderEvents {
    static final String AGGREGATE = "dispatch.workorder";

    private WorkOrderEvents() {
    }

    record WorkOrderCreated(UUID workOrderId, UUID ticketId, String ticketNumber, String serviceType,
                            String productLine, String productModel, String serialNumber, String region,
                            List<PartLine> expectedParts, String actor, Instant occurredAt) {
    }

    record TechnicianAssigned(UUID workOrderId, UUID ticketId, String technicianId, String assignedBy, String actor,
                              Instant occurredAt) {
    }

    record PartsRequested(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                          List<PartLine> lines, String actor, Instant occurredAt) {
    }

    record RepairClosed(UUID workOrderId, UUID ticketId, String technicianId, String productModel, String serialNumber,
                        String entitlement, String outcome, String symptom, String causeCode, String actions,
                        List<RecordVisitRequest.PartUsed> partsUsed, int labourMinutes, boolean firstTimeFix,
                        String customerConfirmation, String actor, Instant occurredAt) {
    }

    record TechnicianArrived(UUID workOrderId, UUID ticketId, String technicianId, String actor, Instant occurredAt) {
    }

    record WorkStarted(UUID workOrderId, UUID ticketId, String technicianId, String actor, Instant occurredAt) {
    }
}
