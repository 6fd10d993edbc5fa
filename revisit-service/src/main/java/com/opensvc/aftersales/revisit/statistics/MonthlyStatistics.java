package com.opensvc.aftersales.revisit.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * REV-07: one month's revisit statistics as kept once (the desk's monthly statistics report): the totals, one row per
 * technician, and for the supervisor the revisits that ended unreachable (REV-06, "reported") and those answered
 * neutral, flagged for review (REV-05). Revisits count by their due date in the month (company zone), as RPT-01 does.
 *
 * @param id the name-based UUID of {@code "revisit-statistics:<yyyy-MM>"}: every replica names a month alike
 */
public record MonthlyStatistics(UUID id, YearMonth month, LocalDate from, LocalDate until, RevisitFigures totals,
                                List<RevisitFigures> technicians, List<ListedRevisit> unreachable,
                                List<ListedRevisit> flaggedForReview, String producedBy, Instant producedAt) {

    static UUID idOf(YearMonth month) {
        return UUID.nameUUIDFromBytes(("revisit-statistics:" + month).getBytes(StandardCharsets.UTF_8));
    }

    /** A month in the list: its figures without the revisits listed. */
    public record Summary(UUID id, YearMonth month, RevisitFigures totals, int unreachableCount,
                          int flaggedForReviewCount, String producedBy, Instant producedAt) {
    }

    Summary summary() {
        return new Summary(id, month, totals, unreachable.size(), flaggedForReview.size(), producedBy, producedAt);
    }

    /**
     * A revisit the statistics name (no customer's phone or address, SEC-04).
     *
     * @param attempts  the unanswered calls made (REV-06)
     * @param agent     who recorded the outcome or the last attempt
     * @param endedAt   when it was answered or became unreachable
     */
    public record ListedRevisit(UUID revisitId, UUID ticketId, String ticketNumber, String kind, String technicianId,
                                int attempts, String agent, Instant endedAt) {
    }
}
