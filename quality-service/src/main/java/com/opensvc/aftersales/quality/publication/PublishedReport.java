package com.opensvc.aftersales.quality.publication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A report quality generated and keeps (QLT-03, QLT-04, QLT-07). Its id is name-based on kind, period and subject, so
 * every replica that generates it names it the same.
 */
public record PublishedReport(UUID id, ReportKind kind, LocalDate periodFrom, LocalDate periodTo, String subject,
                              String title, List<String> audience, int rowCount, String generatedBy,
                              Instant generatedAt) {

    public PublishedReport {
        audience = List.copyOf(audience);
    }

    static UUID idOf(ReportKind kind, ReportPeriod period, String subject) {
        return UUID.nameUUIDFromBytes(("quality-report:" + kind + ":" + period.from() + ":" + period.to() + ":" + subject)
                .getBytes(StandardCharsets.UTF_8));
    }

    PublicationEvent.QualityReportPublished published() {
        return new PublicationEvent.QualityReportPublished(id, kind.name(), periodFrom, periodTo,
                subject.isEmpty() ? null : subject, title, audience, rowCount,
                "/api/quality/published-reports/" + id, generatedBy, generatedAt);
    }
}
