package com.opensvc.aftersales.quality.publication;

import java.util.List;

import com.opensvc.aftersales.web.TabularReport;

/**
 * What a generator produced: the report as JSON (any structure of records, lists and maps) and the same figures as
 * one table for CSV and Excel, and the departments it is sent to (QLT-03: "sent to the departments concerned").
 */
public record ReportContent(String title, Object json, TabularReport table, List<String> audience) {

    public ReportContent {
        audience = List.copyOf(audience);
    }
}
