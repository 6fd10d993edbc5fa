package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-04 (seed 001: 每周二和每月2日将《客户投诉处理单》汇总报总经理): the complaints registered in the period with their
 * class, content, handling, satisfaction, responsible department and remedy, and the counts; for the general manager,
 * the management department and the service director.
 */
@Component
@RequiredArgsConstructor
class ComplaintSummaryGenerator implements ReportGenerator {
    static final List<String> AUDIENCE = List.of("GENERAL_MANAGER", "MANAGER", "SERVICE_DIRECTOR");

    private final ComplaintStatistics statistics;

    @Override
    public ReportKind kind() {
        return ReportKind.COMPLAINT_SUMMARY;
    }

    /** @param cadence MONTHLY for a calendar month, else WEEKLY (a period asked for by hand: its own length) */
    public record Summary(LocalDate from, LocalDate to, String cadence, ComplaintCounts counts,
                          List<ComplaintLine> complaints) {
    }

    @Override
    public ReportContent generate(ReportPeriod period, String subject) {
        List<ComplaintLine> lines = statistics.lines(period.from(), period.to());
        String cadence = wholeMonth(period) ? "MONTHLY" : "WEEKLY";
        Summary summary = new Summary(period.from(), period.to(), cadence,
                ComplaintCounts.of(period.from(), period.to(), lines), lines);
        String title = "Complaint summary (" + cadence.toLowerCase() + ") " + period.from() + " – " + period.to()
                + ": " + lines.size() + " complaint(s)";
        return new ReportContent(title, summary, table(lines), AUDIENCE);
    }

    static boolean wholeMonth(ReportPeriod period) {
        YearMonth month = YearMonth.from(period.from());
        return period.from().equals(month.atDay(1)) && period.to().equals(month.atEndOfMonth());
    }

    private TabularReport table(List<ComplaintLine> lines) {
        TabularReport.Builder table = TabularReport.builder("complaint summary").zone(statistics.zone())
                .text("ticketNumber").instant("registeredAt").text("category").text("channel").text("productModel")
                .text("region").text("customerClass").text("content").text("handling").text("satisfaction")
                .text("responsibleDepartment").text("remedy").wholeNumber("escalationLevel").text("major")
                .text("penalised").instant("finishedAt").instant("closedAt");
        for (ComplaintLine l : lines) {
            table.row(l.ticketNumber(), l.registeredAt(), l.category(), l.channel(), l.productModel(), l.region(),
                    l.classKey(), l.contentKey(), l.handlingKey(), l.satisfactionKey(), l.departmentKey(), l.remedy(),
                    l.escalationLevel() == null ? null : l.escalationLevel().longValue(), yesNo(l.isMajor()),
                    yesNo(l.isPenalised()), l.finishedAt(), l.closedAt());
        }
        return table.build();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
