package com.opensvc.aftersales.revisit.coverage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.opensvc.aftersales.web.InvalidFieldException;

/** REV-01: the calendar months of monthly coverage, in the company's time zone. */
final class CoverageMonth {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    private CoverageMonth() {
    }

    /** {@code 2026-10}; anything else (2026-13, 10/2026, 0000-01) is a 400 naming {@code month}. */
    static YearMonth parse(String month) {
        if (month == null || !FORMAT.matcher(month).matches()) {
            throw invalid(month);
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 1) {
                throw invalid(month);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid(month);
        }
    }

    /** The month just ended at {@code now}: the one the scheduled top-up covers. */
    static YearMonth ended(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** Whether the month is over at {@code now} (its last day has passed in the company's zone). */
    static boolean isOver(YearMonth month, Instant now, ZoneId zone) {
        return !month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().isAfter(now);
    }

    private static InvalidFieldException invalid(String month) {
        return new InvalidFieldException("month", "must be a month as YYYY-MM (e.g. 2026-10)");
    }
}
