package com.opensvc.aftersales.revisit.statistics;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.TabularReport;

/**
 * RPT-01, REV-07: revisit's report and monthly statistics as one table for CSV and Excel alike (platform/web's
 * {@link TabularReport}): one line per group, then the total with the group {@code *}.
 */
final class StatisticsFiles {
    static final String TOTAL = "*";

    private StatisticsFiles() {
    }

    static TabularReport report(RevisitReport report) {
        return table("Revisits", report.period(), report.rows(), report.total());
    }

    static TabularReport monthly(MonthlyStatistics statistics) {
        return table("Revisit statistics", statistics.month().toString(), statistics.technicians(),
                statistics.totals());
    }

    private static TabularReport table(String sheet, String period, List<RevisitFigures> rows, RevisitFigures total) {
        TabularReport.Builder table = TabularReport.builder(sheet)
                .text("period").text("group").wholeNumber("due").wholeNumber("answered")
                .wholeNumber("verySatisfied").wholeNumber("satisfied").wholeNumber("neutral")
                .wholeNumber("dissatisfied").wholeNumber("unreachable").wholeNumber("open").wholeNumber("overdue")
                .decimal("satisfactionRate").decimal("averageServiceQuality").decimal("averageTechnicalSkill")
                .decimal("averagePunctuality").decimal("averageOverall").decimal("reasonableChargeShare")
                .wholeNumber("completedWorkOrders").wholeNumber("happyCallsScheduled").decimal("sampleShare");
        List<RevisitFigures> lines = new ArrayList<>(rows);
        lines.add(total);
        for (int i = 0; i < lines.size(); i++) {
            RevisitFigures f = lines.get(i);
            table.row(period, i == rows.size() ? TOTAL : f.group(), f.due(), f.answered(), f.verySatisfied(),
                    f.satisfied(), f.neutral(), f.dissatisfied(), f.unreachable(), f.open(), f.overdue(),
                    f.satisfactionRate(), f.averageServiceQuality(), f.averageTechnicalSkill(),
                    f.averagePunctuality(), f.averageOverall(), f.reasonableChargeShare(), f.completedWorkOrders(),
                    f.happyCallsScheduled(), f.sampleShare());
        }
        return table.build();
    }
}
