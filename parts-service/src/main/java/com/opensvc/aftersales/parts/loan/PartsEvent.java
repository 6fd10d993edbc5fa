package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;

/** Events on {@code aftersales.parts.stock}, keyed by ticket (EVT-02); platform/contracts holds their schemas. */
public interface PartsEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "parts.stock";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }

    /** PRT-01: the whole request moved from the store to the technician's holding. */
    record PartsIssued(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation, String toLocation,
                       List<PartLine> lines, String actor, Instant occurredAt) implements PartsEvent {
    }

    record Shortage(String partNumber, int requested, int available) {
    }

    /** PRT-01: a line was short, so nothing moved. */
    record PartsBackordered(UUID workOrderId, UUID ticketId, String technicianId, String fromLocation,
                            List<Shortage> lines, String actor, Instant occurredAt) implements PartsEvent {
    }

    record WrittenOff(String partNumber, int quantity, MovementReason reason, String oldSerial) {
    }

    /** PRT-03: loaned parts consumed under warranty left the technician's holding. */
    record PartsWrittenOff(UUID workOrderId, UUID ticketId, String technicianId, List<WrittenOff> lines, String actor,
                           Instant occurredAt) implements PartsEvent {
    }
}
