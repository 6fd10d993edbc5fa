package com.opensvc.aftersales.dispatch.scorecard;

import java.util.List;

import com.opensvc.aftersales.web.TabularReport;

/**
 * RPT-01: the field-task report as one table for CSV and Excel alike (platform/web's {@link TabularReport}: CSV is
 * UTF-8 with a BOM and defuses formula-like text; in the workbook counts and amounts are numbers).
 */
final class FieldTaskFiles {
    static final String SHEET = "Field tasks";

    private FieldTaskFiles() {
    }

    static TabularReport table(List<FieldTaskRow> rows) {
        TabularReport.Builder table = TabularReport.builder(SHEET)
                .text("period").text("group").text("groupName").wholeNumber("tasks").wholeNumber("firstTimeFixes")
                .decimal("partsFees").decimal("travelFees").decimal("serviceFees").decimal("fees");
        for (FieldTaskRow r : rows) {
            table.row(r.period(), r.group(), r.groupName(), r.tasks(), r.firstTimeFixes(), r.partsFees(),
                    r.travelFees(), r.serviceFees(), r.fees());
        }
        return table.build();
    }
}
