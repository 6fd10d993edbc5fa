package com.opensvc.aftersales.revisit.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * RPT-01: what the revisit report groups by; each names its SQL (never the request's text) over revisits {@code r}
 * and decisions {@code d}, each joined with revisit's ticket facts {@code f}. Agents only exist for revisits: the
 * sampling side of an agent report is only in the total.
 */
public enum ReportGrouping {
    REGION("coalesce(f.region, '')", "coalesce(f.region, '')"),
    TECHNICIAN("coalesce(r.technician_id, '')", "d.technician_id"),
    PRODUCT("coalesce(f.product_line, '')", "coalesce(f.product_line, '')"),
    KIND("r.kind", "'HAPPY_CALL'"),
    AGENT("coalesce(r.agent, '')", null);

    final String revisitKey;
    final String decisionKey;

    ReportGrouping(String revisitKey, String decisionKey) {
        this.revisitKey = revisitKey;
        this.decisionKey = decisionKey;
    }

    static ReportGrouping parse(String field, String text) {
        for (ReportGrouping grouping : values()) {
            if (grouping.name().equalsIgnoreCase(text)) {
                return grouping;
            }
        }
        throw new InvalidFieldException(field, "must be one of " + Arrays.stream(values())
                .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
