package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;

/**
 * DSP-09: how often a routine inspection or maintenance item is due, counted from the day it was last done (the next
 * dates move with the actual completion date). HALF_MONTH is 15 days; the others are calendar periods.
 */
public enum Interval {
    WEEK, HALF_MONTH, MONTH, QUARTER, HALF_YEAR, YEAR;

    public LocalDate after(LocalDate day) {
        return switch (this) {
            case WEEK -> day.plusWeeks(1);
            case HALF_MONTH -> day.plusDays(15);
            case MONTH -> day.plusMonths(1);
            case QUARTER -> day.plusMonths(3);
            case HALF_YEAR -> day.plusMonths(6);
            case YEAR -> day.plusYears(1);
        };
    }
}
