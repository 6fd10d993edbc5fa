package com.opensvc.aftersales.revisit.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent;

/**
 * REV-07: a month's revisit statistics are kept; on {@code aftersales.revisit.revisit}, keyed by the statistics' own
 * id (not about one ticket). Published once per month whatever the number of replicas.
 */
public record RevisitStatisticsPublished(UUID statisticsId, String month, LocalDate from, LocalDate until,
                                         RevisitFigures totals, List<RevisitFigures> technicians,
                                         int unreachableCount, int flaggedForReviewCount, String actor,
                                         Instant occurredAt) implements OutgoingEvent {

    static RevisitStatisticsPublished of(MonthlyStatistics statistics) {
        return new RevisitStatisticsPublished(statistics.id(), statistics.month().toString(), statistics.from(),
                statistics.until(), statistics.totals(), statistics.technicians(), statistics.unreachable().size(),
                statistics.flaggedForReview().size(), statistics.producedBy(), statistics.producedAt());
    }

    @Override
    public String aggregateType() {
        return RevisitEvent.AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return statisticsId;
    }
}
