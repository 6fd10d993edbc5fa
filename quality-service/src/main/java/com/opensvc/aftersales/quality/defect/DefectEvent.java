package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * QLT-01: a defect record was made. serialNumber is null only for a returned part whose unit quality cannot
     * name; analysisDueBy is set when the item came back (QLT-02).
     */
    record DefectRecorded(UUID defectId, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                          String failureMode, String cause, String source, String actor, Instant occurredAt,
                          String productionBatch, LocalDate factoryDate, String partNumber, String region,
                          Instant analysisDueBy) implements DefectEvent {
    }

    /** QLT-01: quality classified or corrected a record; the classification as it now is. */
    record DefectReclassified(UUID defectId, UUID ticketId, UUID workOrderId, String productModel,
                              String serialNumber, String productionBatch, LocalDate factoryDate, String failureMode,
                              String cause, String responsibleDepartment, String responsibleProcess,
                              String causingPartNumber, String note, int version, String actor, Instant occurredAt)
            implements DefectEvent {
    }

    /** QLT-02: a returned product or part was analysed; analysedLate when after its due time. */
    record DefectAnalysed(UUID defectId, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                          String productionBatch, String partNumber, String failureMode, String cause,
                          String responsibleDepartment, String responsibleProcess, String causingPartNumber,
                          String testResult, String conclusion, Instant receivedAt, Instant analysisDueBy,
                          boolean analysedLate, String actor, Instant occurredAt) implements DefectEvent {
    }
}
