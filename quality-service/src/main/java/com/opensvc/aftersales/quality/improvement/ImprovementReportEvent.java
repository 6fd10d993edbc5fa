package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * Improvement-report events on {@code aftersales.quality.defect}, keyed by the ticket they answer (EVT-02), or by the
 * report when it was raised for an alert and has no ticket.
 */
public interface ImprovementReportEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID reportId();

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId() == null ? reportId() : ticketId();
    }

    /** QLT-05, INT-05: the report is issued (its actions assigned); intake can answer the customer and close. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImprovementReportIssued(UUID reportId, UUID ticketId, UUID alertId, String summary, String rootCause,
                                   String actor, Instant occurredAt) implements ImprovementReportEvent {
    }
}
