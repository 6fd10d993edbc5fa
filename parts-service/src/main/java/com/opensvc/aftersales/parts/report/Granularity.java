package com.opensvc.aftersales.parts.report;

import java.util.Locale;

import com.opensvc.aftersales.web.InvalidFieldException;

/** PRT-07: consumption and scrap are grouped by calendar month (company zone) or over the whole range. */
enum Granularity {
    MONTH, PERIOD;

    static Granularity parse(String text) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(text.strip())) {
                return g;
            }
        }
        throw new InvalidFieldException("granularity", "must be one of month, period");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
