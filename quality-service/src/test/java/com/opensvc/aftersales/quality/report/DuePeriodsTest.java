package com.opensvc.aftersales.quality.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;

class DuePeriodsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DuePeriods due = new DuePeriods(
            new ReportProperties(false, Duration.ofMinutes(15), DayOfWeek.MONDAY, "08:00", 3, 1, 366));

    private ReportPeriod at(ReportKind kind, String local) {
        return due.latestDue(kind, LocalDateTime.parse(local).atZone(SHANGHAI));
    }

    private static ReportPeriod period(String from, String to) {
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    @DisplayName("QLT-03 the weekly report of the week before (Monday–Sunday) is due on Monday 08:00 company time")
    void QLT03_weeklyDueMonday0800() {
        assertThat(at(ReportKind.WEEKLY_AFTER_SALES, "2026-12-07T07:59")).isEqualTo(period("2026-11-23", "2026-11-29"));
        assertThat(at(ReportKind.WEEKLY_AFTER_SALES, "2026-12-07T08:00")).isEqualTo(period("2026-11-30", "2026-12-06"));
        assertThat(at(ReportKind.WEEKLY_AFTER_SALES, "2026-12-07T08:05")).isEqualTo(period("2026-11-30", "2026-12-06"));
        assertThat(at(ReportKind.WEEKLY_AFTER_SALES, "2026-12-13T23:59")).isEqualTo(period("2026-11-30", "2026-12-06"));
        // after downtime the latest due week is caught up
        assertThat(at(ReportKind.WEEKLY_AFTER_SALES, "2026-12-10T03:00")).isEqualTo(period("2026-11-30", "2026-12-06"));
    }

    @Test
    @DisplayName("QLT-03 the salesperson answers of the month before are due on the 3rd, the monthly statistics on the 1st")
    void QLT03_monthlyDueDays() {
        assertThat(at(ReportKind.SALESPERSON_ANSWERS, "2027-01-03T07:59")).isEqualTo(period("2026-11-01", "2026-11-30"));
        assertThat(at(ReportKind.SALESPERSON_ANSWERS, "2027-01-03T08:05")).isEqualTo(period("2026-12-01", "2026-12-31"));
        assertThat(at(ReportKind.MONTHLY_STATISTICS, "2027-01-01T08:05")).isEqualTo(period("2026-12-01", "2026-12-31"));
        assertThat(at(ReportKind.MONTHLY_STATISTICS, "2027-01-01T07:00")).isEqualTo(period("2026-11-01", "2026-11-30"));
        assertThat(at(ReportKind.MONTHLY_STATISTICS, "2027-03-20T12:00")).isEqualTo(period("2027-02-01", "2027-02-28"));
    }
}
