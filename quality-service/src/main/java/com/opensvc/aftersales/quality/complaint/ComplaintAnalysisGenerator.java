package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-04: the complaint analysis for the monthly management meeting — the month's figures by every dimension beside
 * the previous month's, the customers who complained more than once, the top categories, and the major or penalised
 * complaints.
 */
@Component
@RequiredArgsConstructor
class ComplaintAnalysisGenerator implements ReportGenerator {
    static final List<String> AUDIENCE = List.of("GENERAL_MANAGER", "MANAGER", "SERVICE_DIRECTOR",
            "TECHNICAL_DIRECTOR");
    static final int TOP_CATEGORIES = 10;
    static final List<GroupBy> DIMENSIONS = List.of(GroupBy.REGION, GroupBy.PRODUCT, GroupBy.DEPARTMENT);

    private final ComplaintStatistics statistics;

    @Override
    public ReportKind kind() {
        return ReportKind.MONTHLY_COMPLAINT_ANALYSIS;
    }

    public record CategoryCount(String category, long complaints, long previousComplaints) {
    }

    public record RepeatedCustomer(UUID customerId, long complaints, List<String> ticketNumbers) {
    }

    public record Analysis(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                           ComplaintCounts current, ComplaintCounts previous,
                           Map<String, List<ComplaintGroupRow>> byDimension, List<CategoryCount> topCategories,
                           List<RepeatedCustomer> repeatedCustomers, List<ComplaintLine> majorOrPenalised) {
    }

    @Override
    public ReportContent generate(ReportPeriod period, String subject) {
        ReportPeriod before = previous(period);
        List<ComplaintLine> lines = statistics.lines(period.from(), period.to());
        List<ComplaintLine> previousLines = statistics.lines(before.from(), before.to());
        Map<String, List<ComplaintGroupRow>> byDimension = new LinkedHashMap<>();
        for (GroupBy dimension : DIMENSIONS) {
            byDimension.put(dimension.label(), ComplaintStatistics.groups(lines, dimension, statistics.zone()));
        }
        Map<String, Long> categories = ComplaintCounts.count(lines, ComplaintLine::categoryKey, List.of());
        Map<String, Long> previousCategories = ComplaintCounts.count(previousLines, ComplaintLine::categoryKey,
                List.of());
        List<CategoryCount> top = categories.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CATEGORIES)
                .map(e -> new CategoryCount(e.getKey(), e.getValue(), previousCategories.getOrDefault(e.getKey(), 0L)))
                .toList();
        Analysis analysis = new Analysis(period.from(), period.to(), before.from(), before.to(),
                ComplaintCounts.of(period.from(), period.to(), lines),
                ComplaintCounts.of(before.from(), before.to(), previousLines), byDimension, top,
                repeatedCustomers(lines), lines.stream().filter(l -> l.isMajor() || l.isPenalised()).toList());
        String title = "Complaint analysis " + period.from() + " – " + period.to() + ": " + lines.size()
                + " complaint(s), " + previousLines.size() + " in the period before";
        return new ReportContent(title, analysis, table(analysis), AUDIENCE);
    }

    /** The calendar month before a calendar month; else the same number of days just before. */
    static ReportPeriod previous(ReportPeriod period) {
        if (ComplaintSummaryGenerator.wholeMonth(period)) {
            return ReportPeriod.of(YearMonth.from(period.from()).minusMonths(1));
        }
        return new ReportPeriod(period.from().minusDays(period.days()), period.from().minusDays(1));
    }

    /** Customers (known from the accepted ticket) with more than one complaint in the period, most first. */
    static List<RepeatedCustomer> repeatedCustomers(List<ComplaintLine> lines) {
        Map<UUID, List<ComplaintLine>> byCustomer = lines.stream().filter(l -> l.customerId() != null)
                .collect(Collectors.groupingBy(ComplaintLine::customerId, LinkedHashMap::new, Collectors.toList()));
        return byCustomer.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new RepeatedCustomer(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(ComplaintLine::ticketNumber).toList()))
                .sorted(Comparator.comparingLong(RepeatedCustomer::complaints).reversed()
                        .thenComparing(r -> r.customerId().toString()))
                .toList();
    }

    /** Long format: section, key, this period's count, the previous period's. */
    private static TabularReport table(Analysis a) {
        TabularReport.Builder table = TabularReport.builder("complaint analysis").text("section").text("key")
                .wholeNumber("count").wholeNumber("previousCount");
        Map<String, Map<String, Long>> previous = a.previous().sections();
        a.current().sections().forEach((section, counts) -> {
            Map<String, Long> before = previous.getOrDefault(section, Map.of());
            counts.forEach((key, count) -> table.row(section, key, count, before.getOrDefault(key, 0L)));
            before.forEach((key, count) -> {
                if (!counts.containsKey(key)) {
                    table.row(section, key, 0L, count);
                }
            });
        });
        a.topCategories().forEach(c -> table.row("topCategory", c.category(), c.complaints(), c.previousComplaints()));
        a.byDimension().forEach((dimension, rows) -> rows.forEach(
                r -> table.row(dimension, r.group(), r.complaints(), null)));
        a.repeatedCustomers().forEach(r -> table.row("repeatedCustomer",
                r.customerId() + " (" + String.join(", ", r.ticketNumbers()) + ")", r.complaints(), null));
        a.majorOrPenalised().forEach(l -> table.row(l.isMajor() ? "majorComplaint" : "penalisedComplaint",
                l.ticketNumber() + " " + l.departmentKey() + (l.isMajor() && l.isPenalised() ? " (penalised)" : ""),
                1L, null));
        return table.build();
    }
}
