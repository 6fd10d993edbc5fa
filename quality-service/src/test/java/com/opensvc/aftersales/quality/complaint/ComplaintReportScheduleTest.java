package com.opensvc.aftersales.quality.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.quality.publication.ReportPeriod;

class ComplaintReportScheduleTest {
    private final ComplaintReportSchedule schedule = new ComplaintReportSchedule(DayOfWeek.TUESDAY, 2, 3);

    private static ReportPeriod period(String from, String to) {
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    @DisplayName("QLT-04 on a Tuesday the weekly summary covers Tuesday to Monday before it; later days still ask for it")
    void QLT04_weeklySummaryOnTuesday() {
        LocalDate tuesday = LocalDate.parse("2026-12-08");
        assertThat(tuesday.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(schedule.weeklySummary(tuesday)).isEqualTo(period("2026-12-01", "2026-12-07"));
        assertThat(schedule.weeklySummary(LocalDate.parse("2026-12-14"))).isEqualTo(period("2026-12-01", "2026-12-07"));
        assertThat(schedule.weeklySummary(LocalDate.parse("2026-12-07"))).isEqualTo(period("2026-11-24", "2026-11-30"));
    }

    @Test
    @DisplayName("QLT-04 on the 2nd the monthly summary covers the previous calendar month; on the 1st still the month before")
    void QLT04_monthlySummaryOnTheSecond() {
        assertThat(schedule.monthlySummary(LocalDate.parse("2027-01-02"))).isEqualTo(period("2026-12-01", "2026-12-31"));
        assertThat(schedule.monthlySummary(LocalDate.parse("2027-01-31"))).isEqualTo(period("2026-12-01", "2026-12-31"));
        assertThat(schedule.monthlySummary(LocalDate.parse("2027-01-01"))).isEqualTo(period("2026-11-01", "2026-11-30"));
    }

    @Test
    @DisplayName("QLT-04 a Tuesday that is the 2nd is due both summaries: two periods")
    void QLT04_tuesdayTheSecond() {
        LocalDate day = LocalDate.parse("2027-03-02");
        assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(schedule.weeklySummary(day)).isEqualTo(period("2027-02-23", "2027-03-01"));
        assertThat(schedule.monthlySummary(day)).isEqualTo(period("2027-02-01", "2027-02-28"));
    }

    @Test
    @DisplayName("QLT-04 the monthly complaint analysis is due on the 3rd (configurable) for the previous month")
    void QLT04_analysisOnTheThird() {
        assertThat(schedule.monthlyAnalysis(LocalDate.parse("2027-03-02"))).isEqualTo(period("2027-01-01", "2027-01-31"));
        assertThat(schedule.monthlyAnalysis(LocalDate.parse("2027-03-03"))).isEqualTo(period("2027-02-01", "2027-02-28"));
        assertThat(new ComplaintReportSchedule(DayOfWeek.TUESDAY, 2, 1).monthlyAnalysis(LocalDate.parse("2027-03-01")))
                .isEqualTo(period("2027-02-01", "2027-02-28"));
    }

    @Test
    @DisplayName("QLT-04 the analysis compares a month with the month before; another period with as many days before")
    void QLT04_previousPeriod() {
        assertThat(ComplaintAnalysisGenerator.previous(period("2027-03-01", "2027-03-31")))
                .isEqualTo(period("2027-02-01", "2027-02-28"));
        assertThat(ComplaintAnalysisGenerator.previous(period("2027-03-10", "2027-03-16")))
                .isEqualTo(period("2027-03-03", "2027-03-09"));
    }
}
