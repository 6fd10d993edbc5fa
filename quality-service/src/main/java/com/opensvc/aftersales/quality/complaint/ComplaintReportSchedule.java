package com.opensvc.aftersales.quality.complaint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

import com.opensvc.aftersales.quality.publication.ReportPeriod;

/**
 * QLT-04: which periods are due by a day (company zone). Always the latest due one, so a run after downtime catches
 * up, and the same one until the next is due, so every run of the day asks for the same report (kept once).
 */
record ComplaintReportSchedule(DayOfWeek summaryWeekday, int summaryDayOfMonth, int analysisDayOfMonth) {

    static ComplaintReportSchedule of(ComplaintReportProperties properties) {
        return new ComplaintReportSchedule(properties.summaryWeekday(), properties.summaryDayOfMonth(),
                properties.analysisDayOfMonth());
    }

    /** On the summary weekday (Tuesday): the 7 days before it (Tuesday to Monday); later, still that one. */
    ReportPeriod weeklySummary(LocalDate today) {
        LocalDate due = today.with(TemporalAdjusters.previousOrSame(summaryWeekday));
        return new ReportPeriod(due.minusDays(7), due.minusDays(1));
    }

    /** On the summary day of month (the 2nd): the previous calendar month. */
    ReportPeriod monthlySummary(LocalDate today) {
        return previousMonth(today, summaryDayOfMonth);
    }

    /** On the analysis day of month (the 3rd): the previous calendar month. */
    ReportPeriod monthlyAnalysis(LocalDate today) {
        return previousMonth(today, analysisDayOfMonth);
    }

    private static ReportPeriod previousMonth(LocalDate today, int dueDay) {
        YearMonth current = YearMonth.from(today);
        return ReportPeriod.of(today.getDayOfMonth() >= dueDay ? current.minusMonths(1) : current.minusMonths(2));
    }
}
