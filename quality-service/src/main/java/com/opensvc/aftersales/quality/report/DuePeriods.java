package com.opensvc.aftersales.quality.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;

/**
 * QLT-03: the latest period of each kind that is due at a moment of the company's local time — the week before
 * (Monday–Sunday) from the weekly due day and time, the month before from the monthly due day and time. A job that
 * was down catches up with the latest due period when it runs again.
 */
record DuePeriods(ReportProperties properties) {

    ReportPeriod latestDue(ReportKind kind, ZonedDateTime now) {
        LocalDateTime local = now.toLocalDateTime();
        return switch (kind) {
            case WEEKLY_AFTER_SALES -> ReportPeriod.weekBefore(weeklyDueDate(local));
            case SALESPERSON_ANSWERS -> ReportPeriod.monthBefore(monthlyDueDate(local, properties.answersDayOfMonth()));
            case MONTHLY_STATISTICS -> ReportPeriod.monthBefore(monthlyDueDate(local,
                    properties.statisticsDayOfMonth()));
            default -> throw new IllegalArgumentException("the reports feature does not schedule " + kind);
        };
    }

    private LocalDate weeklyDueDate(LocalDateTime now) {
        LocalDate due = now.toLocalDate().with(TemporalAdjusters.previousOrSame(properties.weeklyDueDay()));
        return due.atTime(properties.dueAt()).isAfter(now) ? due.minusWeeks(1) : due;
    }

    private LocalDate monthlyDueDate(LocalDateTime now, int dayOfMonth) {
        LocalDate due = YearMonth.from(now).atDay(dayOfMonth);
        return due.atTime(properties.dueAt()).isAfter(now) ? YearMonth.from(now).minusMonths(1).atDay(dayOfMonth) : due;
    }
}
