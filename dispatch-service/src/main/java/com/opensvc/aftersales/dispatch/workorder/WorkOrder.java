package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record WorkOrder(UUID id, UUID ticketId, String ticketNumber, String serviceType, String productLine,
                        String productModel, String serialNumber, String region, String entitlement, String priority,
                        List<PartLine> expectedParts, WorkOrderState state, String proposedTechnician,
                        String technician, Instant createdAt, Instant assignedAt, Instant closedAt, int version,
                        Instant arrivedAt, Instant workStartedAt) {
}
