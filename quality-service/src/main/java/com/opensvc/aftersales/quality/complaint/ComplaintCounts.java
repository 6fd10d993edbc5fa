package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.opensvc.aftersales.web.TabularReport;

/**
 * QLT-04: the complaints registered in a period counted by customer class, content, handling, satisfaction and
 * responsible department. Every section lists each of its keys (zero included) and the keys of the not-yet-known
 * (UNKNOWN class, UNFINISHED content and handling, NOT_REVISITED); departments list those that occur and UNASSIGNED.
 */
public record ComplaintCounts(LocalDate from, LocalDate to, long total, Map<String, Long> byCustomerClass,
                              Map<String, Long> byContent, Map<String, Long> byHandling,
                              Map<String, Long> bySatisfaction, Map<String, Long> byResponsibleDepartment) {
    static final List<String> CLASSES = List.of("A", "B", "C", "D", ComplaintLine.UNKNOWN);
    static final List<String> CONTENTS = List.of("SYSTEM", "PEOPLE", "TIMELINESS", "GOODS", ComplaintLine.UNFINISHED);
    static final List<String> HANDLINGS = List.of("IMMEDIATE", "WITHIN_DEADLINE", "REPEATED", ComplaintLine.UNFINISHED);
    static final List<String> SATISFACTIONS = List.of("VERY_SATISFIED", "SATISFIED", "NEUTRAL", "DISSATISFIED",
            ComplaintLine.NOT_REVISITED);

    static ComplaintCounts of(LocalDate from, LocalDate to, List<ComplaintLine> lines) {
        Map<String, Long> departments = new TreeMap<>(count(lines, ComplaintLine::departmentKey, List.of()));
        Long unassigned = departments.remove(ComplaintLine.UNASSIGNED);
        Map<String, Long> byDepartment = new LinkedHashMap<>(departments);
        byDepartment.put(ComplaintLine.UNASSIGNED, unassigned == null ? 0L : unassigned);
        return new ComplaintCounts(from, to, lines.size(), count(lines, ComplaintLine::classKey, CLASSES),
                count(lines, ComplaintLine::contentKey, CONTENTS), count(lines, ComplaintLine::handlingKey, HANDLINGS),
                count(lines, ComplaintLine::satisfactionKey, SATISFACTIONS), byDepartment);
    }

    /** Counts by key: every fixed key first (zero when none), then any other key that occurs. */
    static Map<String, Long> count(List<ComplaintLine> lines, Function<ComplaintLine, String> key, List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        lines.forEach(line -> counts.merge(key.apply(line), 1L, Long::sum));
        return counts;
    }

    /** Section → counts, in the order of the JSON. */
    Map<String, Map<String, Long>> sections() {
        Map<String, Map<String, Long>> sections = new LinkedHashMap<>();
        sections.put("total", Map.of("ALL", total));
        sections.put("customerClass", byCustomerClass);
        sections.put("content", byContent);
        sections.put("handling", byHandling);
        sections.put("satisfaction", bySatisfaction);
        sections.put("responsibleDepartment", byResponsibleDepartment);
        return sections;
    }

    /** The figures in long format: section, key, count. */
    TabularReport table() {
        TabularReport.Builder table = TabularReport.builder("complaint statistics")
                .text("section").text("key").wholeNumber("count");
        sections().forEach((section, counts) -> counts.forEach((key, count) -> table.row(section, key, count)));
        return table.build();
    }
}
