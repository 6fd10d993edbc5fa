package com.opensvc.aftersales.intake.complaint.accountability;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.opensvc.aftersales.web.InvalidFieldException;

/** INT-21: which month a report covers, and the month's bounds in the company's time zone. */
public final class AccountabilityMonth {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    private AccountabilityMonth() {
    }

    /** The month reported on a given day: always the previous one (on 4 January, December of the year before). */
    public static YearMonth reportedOn(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /** {@code 2026-10}; anything else is a 400 naming {@code month}. */
    public static YearMonth parse(String month) {
        if (month == null || !FORMAT.matcher(month.trim()).matches()) {
            throw invalid(month);
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw invalid(month);
        }
    }

    public static ZonedDateTime start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone);
    }

    public static ZonedDateTime end(YearMonth month, ZoneId zone) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone);
    }

    private static InvalidFieldException invalid(String month) {
        return new InvalidFieldException("month", "must be a month as YYYY-MM (e.g. 2026-10), not " + month);
    }
}
