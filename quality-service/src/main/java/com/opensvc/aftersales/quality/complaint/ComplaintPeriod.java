package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;

import com.opensvc.aftersales.web.InvalidFieldException;

/** A period of registration dates asked for (both ends inclusive, company zone), at most {@value #MAX_DAYS} days. */
record ComplaintPeriod(LocalDate from, LocalDate to) {
    static final int MAX_DAYS = 366;

    static ComplaintPeriod of(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
            throw new InvalidFieldException("from", "must be at most " + MAX_DAYS + " days before to");
        }
        return new ComplaintPeriod(from, to);
    }

    String fileSuffix() {
        return from + "-" + to;
    }
}
