package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;

import com.opensvc.aftersales.web.InvalidFieldException;

/** RPT-01: what the complaints report groups by — a calendar period of registration (company zone) or a dimension. */
enum GroupBy {
    YEAR((line, zone) -> String.valueOf(day(line, zone).getYear())),
    QUARTER((line, zone) -> day(line, zone).getYear() + "-Q" + ((day(line, zone).getMonthValue() - 1) / 3 + 1)),
    MONTH((line, zone) -> String.format(Locale.ROOT, "%d-%02d", day(line, zone).getYear(),
            day(line, zone).getMonthValue())),
    DAY((line, zone) -> day(line, zone).toString()),
    REGION((line, zone) -> line.regionKey()),
    CUSTOMER((line, zone) -> line.customerKey()),
    DEPARTMENT((line, zone) -> line.departmentKey()),
    PRODUCT((line, zone) -> line.productModel() == null ? ComplaintLine.UNKNOWN : line.productModel());

    private final BiFunction<ComplaintLine, ZoneId, String> key;

    GroupBy(BiFunction<ComplaintLine, ZoneId, String> key) {
        this.key = key;
    }

    String keyOf(ComplaintLine line, ZoneId zone) {
        return key.apply(line, zone);
    }

    boolean period() {
        return ordinal() <= DAY.ordinal();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GroupBy parse(String text) {
        for (GroupBy g : values()) {
            if (g.name().equalsIgnoreCase(text.strip())) {
                return g;
            }
        }
        throw new InvalidFieldException("groupBy",
                "must be one of year, quarter, month, day, region, customer, department, product");
    }

    private static LocalDate day(ComplaintLine line, ZoneId zone) {
        return LocalDate.ofInstant(line.registeredAt(), zone);
    }
}
