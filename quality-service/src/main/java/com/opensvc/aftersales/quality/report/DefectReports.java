package com.opensvc.aftersales.quality.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * RPT-01 for quality: defects counted by a period (year, quarter, month, day) and/or by region, customer, department,
 * product, failure mode or source — one or two dimensions — over whole days of the company zone.
 */
@Service
@RequiredArgsConstructor
public class DefectReports {
    static final int DEFAULT_DAYS = 30;

    private final ReportRepository figures;
    private final ReportProperties properties;
    private final PublicationProperties publication;
    private final ReportArchive archive;

    /** The answer: the period, what was grouped by, a row per group (its keys and {@code defects}) and the total. */
    public record DefectSummary(LocalDate from, LocalDate to, List<String> groupBy, List<Map<String, Object>> rows,
                                long total) {
    }

    public record Query(LocalDate from, LocalDate to, List<Dimension> groupBy) {
        String fileSuffix() {
            return from + "-" + to;
        }
    }

    /** Checks the parameters; {@code to} defaults to today, {@code from} to 30 days ending at {@code to}. */
    public Query query(LocalDate from, LocalDate to, String groupBy) {
        List<Dimension> dimensions = dimensions(groupBy);
        LocalDate until = to == null ? archive.today() : to;
        LocalDate since = from == null ? until.minusDays(DEFAULT_DAYS - 1) : from;
        if (since.isAfter(until)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (until.toEpochDay() - since.toEpochDay() + 1 > properties.maxRangeDays()) {
            throw new InvalidFieldException("to", "must be at most " + properties.maxRangeDays()
                    + " days from from (both whole days included)");
        }
        return new Query(since, until, dimensions);
    }

    static List<Dimension> dimensions(String groupBy) {
        String spec = groupBy == null || groupBy.isBlank() ? Dimension.MONTH.parameter() : groupBy;
        List<Dimension> dimensions = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            Dimension dimension = Dimension.of(part.strip()).orElseThrow(() -> new InvalidFieldException("groupBy",
                    "must be one or two of " + Dimension.allowed() + ", separated by a comma"));
            if (dimensions.contains(dimension)) {
                throw new InvalidFieldException("groupBy", "names " + dimension.parameter() + " twice");
            }
            dimensions.add(dimension);
        }
        if (dimensions.size() > 2) {
            throw new InvalidFieldException("groupBy", "must be one or two of " + Dimension.allowed());
        }
        if (dimensions.stream().filter(Dimension::isPeriod).count() > 1) {
            throw new InvalidFieldException("groupBy", "may name one period (year, quarter, month or day), not two");
        }
        return List.copyOf(dimensions);
    }

    public DefectSummary summary(Query query) {
        List<Map<String, Object>> rows = figures.countBy(query.groupBy(),
                Window.of(query.from(), query.to(), publication.zone()), publication.zone());
        long total = rows.stream().mapToLong(r -> (Long) r.get("defects")).sum();
        return new DefectSummary(query.from(), query.to(), query.groupBy().stream().map(Dimension::parameter).toList(),
                rows, total);
    }

    public TabularReport table(DefectSummary summary) {
        TabularReport.Builder table = TabularReport.builder("defects").zone(publication.zone());
        summary.groupBy().forEach(table::text);
        table.wholeNumber("defects");
        for (Map<String, Object> row : summary.rows()) {
            table.row(row.values().toArray());
        }
        return table.build();
    }
}
