package com.opensvc.aftersales.quality.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/** Report events on {@code aftersales.quality.defect}, keyed by the report (a report concerns no single ticket). */
public interface PublicationEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID reportId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return reportId();
    }

    /** QLT-03, QLT-04, QLT-07: a scheduled report was generated and kept; the departments concerned can fetch it. */
    record QualityReportPublished(UUID reportId, String kind, LocalDate periodFrom, LocalDate periodTo, String subject,
                                  String title, List<String> audience, int rowCount, String location, String actor,
                                  Instant occurredAt) implements PublicationEvent {
    }
}
