package com.opensvc.aftersales.quality.publication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/** Whole days, both ends inclusive, in the company zone. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a period from " + from + " to " + to);
        }
    }

    /** Monday to Sunday of the week before the one {@code today} is in. */
    public static ReportPeriod weekBefore(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return new ReportPeriod(monday, monday.plusDays(6));
    }

    /** The calendar month before the one {@code today} is in. */
    public static ReportPeriod monthBefore(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod of(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }
}
