package com.opensvc.aftersales.quality.publication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.TabularReport;

/** A {@link TabularReport} as kept in the database (JSON) and rebuilt from it for a download. */
record StoredTable(List<TabularReport.Column> columns, List<List<Object>> rows) {

    static StoredTable of(TabularReport report) {
        List<List<Object>> rows = new ArrayList<>(report.rowCount());
        for (int i = 0; i < report.rowCount(); i++) {
            rows.add(report.row(i).stream().map(StoredTable::stored).toList());
        }
        return new StoredTable(report.columns(), rows);
    }

    TabularReport toReport(String sheetName, ZoneId zone) {
        TabularReport.Builder builder = TabularReport.builder(sheetName).zone(zone);
        columns.forEach(column -> builder.column(column.name(), column.type()));
        for (List<Object> row : rows) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(columns.get(i).type(), row.get(i));
            }
            builder.row(cells);
        }
        return builder.build();
    }

    private static Object stored(Object cell) {
        if (cell == null || cell instanceof Number || cell instanceof String) {
            return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell;
        }
        return cell.toString();
    }

    private static Object cell(TabularReport.Type type, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> stored.toString();
            case WHOLE_NUMBER -> ((Number) stored).longValue();
            case DECIMAL -> new BigDecimal(stored.toString());
            case DATE -> LocalDate.parse(stored.toString());
            case INSTANT -> Instant.parse(stored.toString());
        };
    }
}
