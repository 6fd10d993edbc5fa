package com.opensvc.aftersales.intake.pending;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.opensvc.aftersales.web.InvalidFieldException;

/** Calendar months of the ledger, in the company's time zone. */
final class Months {
    private Months() {
    }

    /** Parses {@code 2026-10}; anything else (2026-13, 10/2026, blank) is a 400 naming {@code field}. */
    static YearMonth parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required, as a month such as 2026-10");
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a month such as 2026-10");
        }
    }

    static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    static Instant end(YearMonth month, ZoneId zone) {
        return start(month.plusMonths(1), zone);
    }

    static YearMonth of(Instant instant, ZoneId zone) {
        return YearMonth.from(instant.atZone(zone));
    }
}
