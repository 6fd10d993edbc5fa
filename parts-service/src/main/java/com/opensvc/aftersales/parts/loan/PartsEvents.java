package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/** Events parts publishes to {@code aftersales.parts.stock}; platform/contracts holds their schemas. */
final class PartsEvents {
    static final String AGGREGATE = "parts.stock";

    private PartsEvents() {
    }

    record PartsIssued(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation, String toLocation,
                       List<PartLine> lines, String actor, Instant occurredAt) {
    }

    record Shortage(String partNumber, int requested, int available) {
    }

    record PartsBackordered(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                            List<Shortage> lines, String actor, Instant occurredAt) {
    }

    record WrittenOff(String partNumber, int quantity, String reason, String oldSerial) {
    }

    record PartsWrittenOff(UUID workOrderId, UUID ticketId, String technicianId, List<WrittenOff> lines, String actor,
                           Instant occurredAt) {
    }
}
