package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/** QLT-04, RPT-01: complaint figures of a period of registration dates (whole days of the company zone). */
@Service
@RequiredArgsConstructor
public class ComplaintStatistics {
    private final ComplaintRepository complaints;
    private final PublicationProperties publication;

    ZoneId zone() {
        return publication.zone();
    }

    /** The complaints registered from {@code from} to {@code to} (inclusive), oldest first. */
    @Transactional(readOnly = true)
    public List<ComplaintLine> lines(LocalDate from, LocalDate to) {
        return complaints.registeredBetween(from.atStartOfDay(zone()).toInstant(),
                to.plusDays(1).atStartOfDay(zone()).toInstant());
    }

    public ComplaintCounts counts(LocalDate from, LocalDate to) {
        return ComplaintCounts.of(from, to, lines(from, to));
    }

    List<ComplaintGroupRow> groups(LocalDate from, LocalDate to, GroupBy groupBy) {
        return groups(lines(from, to), groupBy, zone());
    }

    PageOf<ComplaintGroupRow> report(LocalDate from, LocalDate to, GroupBy groupBy, Paging paging) {
        List<ComplaintGroupRow> rows = groups(from, to, groupBy);
        int start = (int) Math.min(paging.offset(), rows.size());
        return paging.of(rows.subList(start, Math.min(rows.size(), start + paging.size())), rows.size());
    }

    TabularReport reportTable(LocalDate from, LocalDate to, GroupBy groupBy) {
        return groupTable("complaints by " + groupBy.label(), groupBy.label(), groups(from, to, groupBy));
    }

    /**
     * Periods in calendar order; any other dimension by most complaints first, then by key.
     */
    static List<ComplaintGroupRow> groups(List<ComplaintLine> lines, GroupBy groupBy, ZoneId zone) {
        Map<String, List<ComplaintLine>> byKey = new LinkedHashMap<>();
        lines.forEach(line -> byKey.computeIfAbsent(groupBy.keyOf(line, zone), k -> new ArrayList<>()).add(line));
        List<ComplaintGroupRow> rows = new ArrayList<>();
        byKey.forEach((key, group) -> rows.add(new ComplaintGroupRow(key, group.size(),
                group.stream().filter(ComplaintLine::finished).count(),
                group.stream().filter(line -> line.closedAt() != null).count(),
                group.stream().filter(ComplaintLine::isMajor).count(),
                group.stream().filter(ComplaintLine::isPenalised).count(),
                group.stream().filter(ComplaintLine::escalated).count(),
                group.stream().filter(ComplaintLine::dissatisfied).count())));
        Comparator<ComplaintGroupRow> byGroup = Comparator.comparing(ComplaintGroupRow::group);
        rows.sort(groupBy.period() ? byGroup
                : Comparator.comparingLong(ComplaintGroupRow::complaints).reversed().thenComparing(byGroup));
        return rows;
    }

    static TabularReport groupTable(String sheet, String groupColumn, List<ComplaintGroupRow> rows) {
        TabularReport.Builder table = TabularReport.builder(sheet).text(groupColumn).wholeNumber("complaints")
                .wholeNumber("finished").wholeNumber("closed").wholeNumber("major").wholeNumber("penalised")
                .wholeNumber("escalated").wholeNumber("dissatisfied");
        rows.forEach(r -> table.row(r.group(), r.complaints(), r.finished(), r.closed(), r.major(), r.penalised(),
                r.escalated(), r.dissatisfied()));
        return table.build();
    }
}
