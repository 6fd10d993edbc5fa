package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

public record Defect(UUID id, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                     String failureMode, String cause, String responsibleDepartment, String source,
                     Instant recordedAt) {
}
