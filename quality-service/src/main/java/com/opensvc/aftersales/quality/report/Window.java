package com.opensvc.aftersales.quality.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.opensvc.aftersales.quality.publication.ReportPeriod;

/** Whole days {@code from}..{@code to} of the company zone as instants: {@code start} inclusive, {@code end} exclusive. */
record Window(LocalDate from, LocalDate to, Instant start, Instant end) {

    static Window of(LocalDate from, LocalDate to, ZoneId zone) {
        return new Window(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    static Window of(ReportPeriod period, ZoneId zone) {
        return of(period.from(), period.to(), zone);
    }

    /** The same number of days just before (the previous month for a calendar month). */
    Window previousMonth(ZoneId zone) {
        LocalDate previousFrom = from.minusMonths(1);
        return of(previousFrom, from.minusDays(1), zone);
    }
}
