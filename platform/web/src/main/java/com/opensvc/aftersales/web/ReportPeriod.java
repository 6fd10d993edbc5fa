package com.opensvc.aftersales.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RPT-01 (dispatch's scorecards, revisit's reports): a day, month, quarter or year as written in a query
 * ({@code 2026-11-30}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026}), as the dates it covers: {@code from} inclusive, {@code until} exclusive.
 */
public record ReportPeriod(String label, Granularity granularity, LocalDate from, LocalDate until) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** RPT-01's periods; the SQL {@code date_trunc} unit of each. */
    public enum Granularity {
        DAY, MONTH, QUARTER, YEAR;

        public String unit() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ReportPeriod parse(String field, String text) {
        try {
            Matcher m;
            if ((m = YEAR.matcher(text)).matches()) {
                return of(Granularity.YEAR, LocalDate.of(year(m), 1, 1));
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                return of(Granularity.QUARTER, LocalDate.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                return of(Granularity.MONTH, YearMonth.of(year(m), Integer.parseInt(m.group(2))).atDay(1));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                if (day.getYear() >= 1) {
                    return of(Granularity.DAY, day);
                }
            }
        } catch (DateTimeException e) {
            // falls through to the field's problem
        }
        throw new InvalidFieldException(field,
                "must be a year (2026), a quarter (2026-Q4), a month (2026-11) or a day (2026-11-30)");
    }

    private static int year(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            throw new DateTimeException("year 0");
        }
        return year;
    }

    /** The period of {@code granularity} that starts on {@code start} (the first day of it). */
    public static ReportPeriod of(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case DAY -> new ReportPeriod(start.toString(), granularity, start, start.plusDays(1));
            case MONTH -> new ReportPeriod(YearMonth.from(start).toString(), granularity, start, start.plusMonths(1));
            case QUARTER -> new ReportPeriod(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1), granularity,
                    start, start.plusMonths(3));
            case YEAR -> new ReportPeriod(String.valueOf(start.getYear()), granularity, start, start.plusYears(1));
        };
    }
}
