package com.opensvc.aftersales.quality.newproduct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/** New-product watch events on {@code aftersales.quality.defect}, keyed by ticket (else by the defect record). */
public interface NewProductEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID defectId();

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId() == null ? defectId() : ticketId();
    }

    /**
     * QLT-07: a failure of a model under the new-product watch (launched less than the watch period ago).
     *
     * @param daysSinceLaunch days from the launch to the failure's day (negative: a unit that failed before the
     *                        recorded launch, e.g. a pilot unit)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewProductFailureReported(UUID defectId, UUID ticketId, String productModel, String serialNumber,
                                     String failureMode, String cause, LocalDate launchedOn, LocalDate watchEndsOn,
                                     int daysSinceLaunch, String actor, Instant occurredAt)
            implements NewProductEvent {
    }
}
