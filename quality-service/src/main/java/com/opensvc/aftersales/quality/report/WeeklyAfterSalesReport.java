package com.opensvc.aftersales.quality.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-03: the weekly after-sales report for the departments' meeting (立会检讨) — the week's defects by failure mode,
 * model, region and responsible department, the parts used and returned unused, and the open items.
 */
@Component
@RequiredArgsConstructor
class WeeklyAfterSalesReport implements ReportGenerator {
    static final List<String> AUDIENCE = List.of("QUALITY", "PRODUCTION", "ENGINEERING", "AFTER_SALES", "PURCHASING");

    private final ReportRepository figures;
    private final PublicationProperties publication;

    /** The report as JSON: each section's figures, most first. */
    public record Weekly(LocalDate periodFrom, LocalDate periodTo, long defects, List<Count> byFailureMode,
                         List<Count> byModel, List<Count> byRegion, List<Count> byDepartment, PartsUsage parts,
                         ReportRepository.OpenItems openItems) {
    }

    public record PartsUsage(long used, long unused, List<ReportRepository.PartFigures> byPart) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.WEEKLY_AFTER_SALES;
    }

    @Override
    public ReportContent generate(ReportPeriod period, String subject) {
        Window window = Window.of(period, publication.zone());
        List<ReportRepository.PartFigures> parts = figures.partUsage(window);
        Weekly weekly = new Weekly(period.from(), period.to(), figures.total(window),
                figures.section(Dimension.FAILURE_MODE, window), figures.section(Dimension.PRODUCT, window),
                figures.section(Dimension.REGION, window), figures.section(Dimension.DEPARTMENT, window),
                new PartsUsage(parts.stream().mapToLong(ReportRepository.PartFigures::used).sum(),
                        parts.stream().mapToLong(ReportRepository.PartFigures::unused).sum(), parts),
                figures.openItems(window.end()));
        return new ReportContent("Weekly after-sales report " + period.from() + " – " + period.to(), weekly,
                table(weekly), AUDIENCE);
    }

    /** Long format: one row per figure (section, key, count). */
    static TabularReport table(Weekly weekly) {
        TabularReport.Builder table = TabularReport.builder("weekly after-sales")
                .text("section").text("key").wholeNumber("count");
        table.row("defects", "total", weekly.defects());
        weekly.byFailureMode().forEach(c -> table.row("failureMode", c.key(), c.count()));
        weekly.byModel().forEach(c -> table.row("model", c.key(), c.count()));
        weekly.byRegion().forEach(c -> table.row("region", c.key(), c.count()));
        weekly.byDepartment().forEach(c -> table.row("department", c.key(), c.count()));
        table.row("partsUsed", "total", weekly.parts().used());
        table.row("partsUnused", "total", weekly.parts().unused());
        for (ReportRepository.PartFigures part : weekly.parts().byPart()) {
            table.row("partsUsed", part.partNumber(), part.used());
            table.row("partsUnused", part.partNumber(), part.unused());
        }
        ReportRepository.OpenItems open = weekly.openItems();
        table.row("openItems", "defectsWithoutDepartment", open.defectsWithoutDepartment());
        table.row("openItems", "overdueAnalyses", open.overdueAnalyses());
        table.row("openItems", "improvementReportsNotClosed", open.improvementReportsNotClosed());
        return table.build();
    }
}
