package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/** Events on {@code aftersales.quality.defect}, keyed by ticket (EVT-02); platform/contracts holds their schemas. */
public interface DefectEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }

    /** QLT-01: a defect record was made. */
    record DefectRecorded(UUID defectId, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                          String failureMode, String cause, String source, String actor, Instant occurredAt)
            implements DefectEvent {
    }
}
