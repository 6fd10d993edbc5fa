package com.opensvc.aftersales.parts.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * PRT-07: the days a report covers, {@code from} and {@code to} inclusive, in the company's zone. {@code to} is not
 * before {@code from} and the range covers at most the configured number of days; a bad range is a 400 naming the
 * field.
 */
record ReportRange(LocalDate from, LocalDate to) {

    /** Both days required (consumption, scrap). */
    static ReportRange required(LocalDate from, LocalDate to, int maxDays) {
        if (from == null) {
            throw new InvalidFieldException("from", "is required: the first day of the report (2026-11-01)");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required: the last day of the report (2026-11-30)");
        }
        return checked(from, to, maxDays);
    }

    /** Both days or neither (movement history: neither means all time); null when neither. */
    static ReportRange optional(LocalDate from, LocalDate to, int maxDays) {
        if (from == null && to == null) {
            return null;
        }
        return required(from, to, maxDays);
    }

    private static ReportRange checked(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidFieldException("to", "the range may cover at most " + maxDays + " days");
        }
        return new ReportRange(from, to);
    }

    /** The first instant of {@code from} in {@code zone}. */
    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in {@code zone} (exclusive end). */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** ISO 8601 interval of dates, e.g. {@code 2026-11-01/2026-11-30}. */
    String label() {
        return from + "/" + to;
    }
}
