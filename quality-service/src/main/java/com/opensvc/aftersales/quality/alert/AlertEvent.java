package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/** Alert events on {@code aftersales.quality.defect}, keyed by the alert (an alert concerns no single ticket). */
public interface AlertEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID alertId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return alertId();
    }

    /**
     * QLT-06: failures of one model and failure mode in the rolling window exceeded the threshold; once per crossing.
     *
     * @param threshold     the count threshold the failures are compared with
     * @param rateThreshold the rate threshold, null when the rule has none
     * @param rate          failures per installed unit, null when the rate rule does not apply
     * @param defectIds     the latest failures counted (at most 50)
     */
    record QualityAlertRaised(UUID alertId, String productModel, String failureMode, int windowDays, int count,
                              int threshold, BigDecimal rateThreshold, BigDecimal rate, long installedBase,
                              AlertBasis basis, Instant firstFailureAt, Instant lastFailureAt, List<UUID> defectIds,
                              String actor, Instant occurredAt) implements AlertEvent {
    }
}
