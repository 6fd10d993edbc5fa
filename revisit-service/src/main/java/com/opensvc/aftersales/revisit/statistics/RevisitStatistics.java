package com.opensvc.aftersales.revisit.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportPeriod;

import lombok.RequiredArgsConstructor;

/** RPT-01 revisit reports and REV-07 monthly revisit statistics, in the company's zone. */
@Service
@RequiredArgsConstructor
public class RevisitStatistics {
    private static final Logger log = LoggerFactory.getLogger(RevisitStatistics.class);
    /** Over every revisit of the period. */
    private static final String TOTAL = "''";
    private static final String UNREACHABLE = "r.state = 'UNREACHABLE'";
    private static final String FLAGGED = "r.overall = 'NEUTRAL'";

    private final StatisticsRepository repository;
    private final OutboxWriter outbox;
    private final CompanyZone zone;
    private final Clock clock;

    /** RPT-01: {@code period} 2026 | 2026-Q4 | 2026-11 | 2026-11-30; {@code by} region|technician|product|kind|agent. */
    @Transactional(readOnly = true)
    public RevisitReport report(String periodText, String byText) {
        ReportPeriod period = ReportPeriod.parse("period", periodText);
        ReportGrouping by = ReportGrouping.parse("by", byText);
        Instant from = start(period.from());
        Instant until = start(period.until());
        Instant now = clock.instant();
        return new RevisitReport(period.label(), by.label(), groups(by.revisitKey, by.decisionKey, from, until, now),
                groups(TOTAL, TOTAL, from, until, now).getFirst());
    }

    /**
     * The groups' revisit figures with their sampling side; a group with decisions but nothing due still shows. With
     * no decision key (agents) the groups have no sampling side.
     */
    private List<RevisitFigures> groups(String revisitKey, String decisionKey, Instant from, Instant until,
                                        Instant now) {
        Map<String, RevisitFigures> groups = new TreeMap<>();
        repository.revisitFigures(revisitKey, from, until, now).forEach(f -> groups.put(f.group(), f));
        if (decisionKey != null) {
            repository.decisions(decisionKey, from, until).forEach((group, counts) -> groups.put(group,
                    groups.getOrDefault(group, RevisitFigures.none(group)).withSampling(counts[0], counts[1])));
        }
        if (groups.isEmpty() && TOTAL.equals(revisitKey)) {
            groups.put("", RevisitFigures.none(""));
        }
        return new ArrayList<>(groups.values());
    }

    /** REV-07: the month's statistics, kept. */
    @Transactional(readOnly = true)
    public Optional<MonthlyStatistics> monthly(YearMonth month) {
        return repository.find(month);
    }

    @Transactional(readOnly = true)
    public PageOf<MonthlyStatistics.Summary> monthly(Paging paging) {
        return paging.of(repository.list(paging.offset(), paging.size()).stream().map(MonthlyStatistics::summary)
                .toList(), repository.count());
    }

    /** Whether the month's statistics are kept already. */
    @Transactional(readOnly = true)
    public boolean kept(YearMonth month) {
        return repository.kept(month);
    }

    /**
     * REV-07: keeps a finished month's statistics once and publishes {@code RevisitStatisticsPublished} with them; a
     * month kept already is left as it is (replica-safe: the unique month decides which of two concurrent runs keeps
     * it; the other publishes nothing).
     *
     * @return the month's statistics and whether this call kept them
     * @throws InvalidFieldException (field {@code month}) for the current or a future month
     */
    @Transactional
    public Produced produce(YearMonth month, String actor) {
        return produce(month, actor, clock.instant());
    }

    /** {@link #produce(YearMonth, String)} as at {@code now} (the job's instant). */
    @Transactional
    public Produced produce(YearMonth month, String actor, Instant now) {
        if (!month.isBefore(YearMonth.from(now.atZone(zone.zone())))) {
            throw new InvalidFieldException("month", "must be a finished month, before " + YearMonth.from(
                    now.atZone(zone.zone())));
        }
        Instant from = start(month.atDay(1));
        Instant until = start(month.plusMonths(1).atDay(1));
        MonthlyStatistics statistics = new MonthlyStatistics(MonthlyStatistics.idOf(month), month, month.atDay(1),
                month.plusMonths(1).atDay(1), groups(TOTAL, TOTAL, from, until, now).getFirst(),
                groups(ReportGrouping.TECHNICIAN.revisitKey, ReportGrouping.TECHNICIAN.decisionKey, from, until, now),
                repository.listed(UNREACHABLE, from, until), repository.listed(FLAGGED, from, until), actor, now);
        if (!repository.keep(statistics)) {
            return new Produced(repository.find(month).orElseThrow(), false);
        }
        outbox.append(RevisitStatisticsPublished.of(statistics));
        log.info("Revisit statistics of {} kept by {}: {} due, {} unreachable, {} flagged", month, actor,
                statistics.totals().due(), statistics.unreachable().size(), statistics.flaggedForReview().size());
        return new Produced(statistics, true);
    }

    /** What {@link #produce} did. */
    public record Produced(MonthlyStatistics statistics, boolean kept) {
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone.zone()).toInstant();
    }
}
