package com.opensvc.aftersales.quality.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;

/**
 * Generates, keeps and hands out quality's scheduled reports (QLT-03, QLT-04, QLT-07). A report is kept once per kind,
 * period and subject: two replicas running the same job both try, one keeps it and announces it
 * ({@code QualityReportPublished}), the other finds it kept. Kept reports never change.
 */
@Service
@RequiredArgsConstructor
public class ReportArchive {
    private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);

    private final PublishedReportRepository reports;
    private final ObjectProvider<ReportGenerator> generators;
    private final OutboxWriter outbox;
    private final PublicationProperties properties;
    private final Clock clock;

    /** Today in the company zone (report periods are its whole days). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Generates and keeps every report of the kind and period not kept yet; returns those this call kept. */
    @Transactional
    public List<PublishedReport> publish(ReportKind kind, ReportPeriod period, String actor) {
        ReportGenerator generator = generator(kind)
                .orElseThrow(() -> new IllegalStateException("no generator of " + kind));
        List<PublishedReport> kept = new ArrayList<>();
        for (String subject : generator.subjects(period)) {
            UUID id = PublishedReport.idOf(kind, period, subject);
            if (reports.exists(id)) {
                continue;
            }
            ReportContent content = generator.generate(period, subject);
            PublishedReport report = new PublishedReport(id, kind, period.from(), period.to(), subject,
                    content.title(), content.audience(), content.table().rowCount(), actor, clock.instant());
            if (reports.insertIfAbsent(report, content.json(), StoredTable.of(content.table()))) {
                outbox.append(report.published());
                kept.add(report);
                log.info("Kept {} report {} for {}..{} ({} rows)", kind, id, period.from(), period.to(),
                        report.rowCount());
            }
        }
        return kept;
    }

    public boolean generates(ReportKind kind) {
        return generator(kind).isPresent();
    }

    public PublishedReport find(UUID id) {
        return reports.find(id).orElseThrow(() -> notFound(id));
    }

    public JsonNode content(UUID id) {
        return reports.content(id).orElseThrow(() -> notFound(id));
    }

    /** The kept report as one table, for its CSV and Excel downloads. */
    public TabularReport table(UUID id) {
        PublishedReport report = find(id);
        StoredTable table = reports.table(id).orElseThrow(() -> notFound(id));
        return table.toReport(report.kind().name(), properties.zone());
    }

    public PageOf<PublishedReport> search(ReportKind kind, String subject, LocalDate from, LocalDate to, Paging paging) {
        return reports.search(kind, subject, from, to, paging);
    }

    private Optional<ReportGenerator> generator(ReportKind kind) {
        return generators.orderedStream().filter(g -> g.kind() == kind).findFirst();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no published report " + id);
    }
}
