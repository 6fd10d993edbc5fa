package com.opensvc.aftersales.quality.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-03: monthly statistics for management — the month's defects by model, failure mode, region, responsible
 * department and source, each beside the month before (the trend), and the improvement reports opened and closed.
 */
@Component
@RequiredArgsConstructor
class MonthlyStatisticsReport implements ReportGenerator {
    static final List<String> AUDIENCE = List.of("GENERAL_MANAGER", "MANAGER", "TECHNICAL_DIRECTOR",
            "SERVICE_DIRECTOR", "QUALITY");
    private static final Map<String, Dimension> SECTIONS = sections();

    private final ReportRepository figures;
    private final PublicationProperties publication;

    /** One figure and the month before's: {@code change} = count − previousMonth. */
    public record Trend(String key, long count, long previousMonth, long change) {
        Trend(String key, long count, long previousMonth) {
            this(key, count, previousMonth, count - previousMonth);
        }
    }

    public record Monthly(LocalDate periodFrom, LocalDate periodTo, Trend defects, Map<String, List<Trend>> sections,
                          Trend improvementReportsOpened, Trend improvementReportsClosed) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MONTHLY_STATISTICS;
    }

    @Override
    public ReportContent generate(ReportPeriod period, String subject) {
        Window month = Window.of(period, publication.zone());
        Window before = month.previousMonth(publication.zone());
        Map<String, List<Trend>> sections = new LinkedHashMap<>();
        SECTIONS.forEach((name, dimension) -> sections.put(name,
                trends(figures.section(dimension, month), figures.section(dimension, before))));
        Count[] improvements = figures.improvementReports(month);
        Count[] improvementsBefore = figures.improvementReports(before);
        Monthly monthly = new Monthly(period.from(), period.to(),
                new Trend("total", figures.total(month), figures.total(before)), sections,
                new Trend("opened", improvements[0].count(), improvementsBefore[0].count()),
                new Trend("closed", improvements[1].count(), improvementsBefore[1].count()));
        return new ReportContent("Monthly quality statistics " + period.from() + " – " + period.to(), monthly,
                table(monthly), AUDIENCE);
    }

    static List<Trend> trends(List<Count> now, List<Count> before) {
        Map<String, Long> previous = new LinkedHashMap<>();
        before.forEach(c -> previous.put(c.key(), c.count()));
        Map<String, Long> current = new LinkedHashMap<>();
        now.forEach(c -> current.put(c.key(), c.count()));
        Set<String> keys = new LinkedHashSet<>(current.keySet());
        keys.addAll(previous.keySet());
        return keys.stream().map(k -> new Trend(k, current.getOrDefault(k, 0L), previous.getOrDefault(k, 0L)))
                .sorted(Comparator.comparingLong(Trend::count).reversed().thenComparing(Trend::key)).toList();
    }

    static TabularReport table(Monthly monthly) {
        TabularReport.Builder table = TabularReport.builder("monthly statistics")
                .text("section").text("key").wholeNumber("count").wholeNumber("previousMonth").wholeNumber("change");
        row(table, "defects", monthly.defects());
        monthly.sections().forEach((section, trends) -> trends.forEach(t -> row(table, section, t)));
        row(table, "improvementReports", monthly.improvementReportsOpened());
        row(table, "improvementReports", monthly.improvementReportsClosed());
        return table.build();
    }

    private static void row(TabularReport.Builder table, String section, Trend t) {
        table.row(section, t.key(), t.count(), t.previousMonth(), t.change());
    }

    private static Map<String, Dimension> sections() {
        Map<String, Dimension> sections = new LinkedHashMap<>();
        sections.put("model", Dimension.PRODUCT);
        sections.put("failureMode", Dimension.FAILURE_MODE);
        sections.put("region", Dimension.REGION);
        sections.put("department", Dimension.DEPARTMENT);
        sections.put("source", Dimension.SOURCE);
        return sections;
    }
}
