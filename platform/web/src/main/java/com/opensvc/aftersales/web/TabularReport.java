package com.opensvc.aftersales.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * RPT-01: a report as one table — named, typed columns and rows of cells — written as CSV or as an Excel workbook by
 * the same code in every service ({@link ReportFiles} answers it as a download).
 * <ul>
 *   <li>CSV is RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte order mark so Excel shows Chinese text; text
 *       that starts with {@code = + - @} (or a tab or CR) gets a leading {@code '} so a spreadsheet never runs it as
 *       a formula. Whole numbers and decimals are written plain ({@code 1280.00}), dates ISO ({@code 2026-11-30}),
 *       instants ISO with the report zone's offset ({@code 2026-11-30T09:00:00+08:00}).</li>
 *   <li>The workbook has one sheet, a bold frozen header, numbers as numbers, dates and instants (in the report's
 *       zone) as date cells; text is never a formula there.</li>
 * </ul>
 * A cell's value must fit its column's type ({@link Type}); {@code null} is an empty cell.
 */
public final class TabularReport {
    /** The kinds of cell a column holds. */
    public enum Type {
        /** Any text (a {@code String}; enums, UUIDs and other values are written with {@code toString()}). */
        TEXT,
        /** An {@code Integer} or {@code Long}. */
        WHOLE_NUMBER,
        /** A {@code BigDecimal} (money, prices). */
        DECIMAL,
        /** A {@code LocalDate}. */
        DATE,
        /** An {@code Instant}, shown in the report's zone. */
        INSTANT
    }

    public record Column(String name, Type type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final String sheetName;
    private final ZoneId zone;
    private final List<Column> columns;
    private final List<Object[]> rows;

    private TabularReport(String sheetName, ZoneId zone, List<Column> columns, List<Object[]> rows) {
        this.sheetName = sheetName;
        this.zone = zone;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** A report whose workbook sheet is called {@code sheetName}; instants in UTC unless {@link Builder#zone}. */
    public static Builder builder(String sheetName) {
        return new Builder(sheetName);
    }

    public String sheetName() {
        return sheetName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cells of row {@code index} (0 is the first row after the header), as given. */
    public List<Object> row(int index) {
        return Arrays.asList(rows.get(index).clone());
    }

    /** The report as CSV: RFC 4180, UTF-8 with a BOM, formula-like text defused. */
    public byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF");
        csvLine(text, header().toArray(), null);
        for (Object[] row : rows) {
            csvLine(text, row, columns);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report as an Excel workbook (.xlsx) of one sheet. */
    public byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            sheet.createFreezePane(0, 1);
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            CellStyle decimal = style(workbook, "#,##0.00");
            CellStyle date = style(workbook, "yyyy-mm-dd");
            CellStyle instant = style(workbook, "yyyy-mm-dd hh:mm:ss");
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).name());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, (columns.get(i).type() == Type.INSTANT ? 20 : 16) * 256);
            }
            int next = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    switch (columns.get(i).type()) {
                        case TEXT -> cell.setCellValue(value.toString());
                        case WHOLE_NUMBER -> cell.setCellValue(((Number) value).doubleValue());
                        case DECIMAL -> {
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                            cell.setCellStyle(decimal);
                        }
                        case DATE -> {
                            cell.setCellValue((LocalDate) value);
                            cell.setCellStyle(date);
                        }
                        case INSTANT -> {
                            cell.setCellValue(((Instant) value).truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                                    .toLocalDateTime());
                            cell.setCellStyle(instant);
                        }
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private void csvLine(StringBuilder out, Object[] cells, List<Column> types) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = types == null ? defused(String.valueOf(cells[i])) : csvText(cells[i], types.get(i).type());
            out.append(quoted(text));
        }
        out.append("\r\n");
    }

    private String csvText(Object value, Type type) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> defused(value.toString());
            case WHOLE_NUMBER, DATE -> value.toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case INSTANT -> INSTANT_TEXT.format(OffsetDateTime.ofInstant((Instant) value, zone));
        };
    }

    /** CSV injection: text starting with = + - @ (or a tab or CR) would run as a formula in a spreadsheet. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** RFC 4180: a field with a comma, double quote, CR or LF is quoted, its double quotes doubled. */
    static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Collects columns, then rows; each row's cells are checked against the columns' types. */
    public static final class Builder {
        private final String sheetName;
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private ZoneId zone = ZoneOffset.UTC;

        private Builder(String sheetName) {
            if (sheetName == null || sheetName.isBlank()) {
                throw new IllegalArgumentException("a report needs a sheet name");
            }
            this.sheetName = sheetName;
        }

        /** The zone instants are shown in (the company's); UTC if not set. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder column(String name, Type type) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("columns come before rows");
            }
            columns.add(new Column(name, type));
            return this;
        }

        public Builder text(String name) {
            return column(name, Type.TEXT);
        }

        public Builder wholeNumber(String name) {
            return column(name, Type.WHOLE_NUMBER);
        }

        public Builder decimal(String name) {
            return column(name, Type.DECIMAL);
        }

        public Builder date(String name) {
            return column(name, Type.DATE);
        }

        public Builder instant(String name) {
            return column(name, Type.INSTANT);
        }

        /** One row: a cell per column, in the columns' order. */
        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + sheetName + " has " + columns.size() + " cells, not "
                        + cells.length);
            }
            for (int i = 0; i < cells.length; i++) {
                requireType(columns.get(i), cells[i]);
            }
            rows.add(cells.clone());
            return this;
        }

        public TabularReport build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a report needs at least one column");
            }
            return new TabularReport(sheetName, zone, columns, rows);
        }

        private static void requireType(Column column, Object value) {
            if (value == null) {
                return;
            }
            boolean fits = switch (column.type()) {
                case TEXT -> true;
                case WHOLE_NUMBER -> value instanceof Integer || value instanceof Long || value instanceof Short;
                case DECIMAL -> value instanceof BigDecimal;
                case DATE -> value instanceof LocalDate;
                case INSTANT -> value instanceof Instant;
            };
            if (!fits) {
                throw new IllegalArgumentException("column " + column.name() + " holds " + column.type() + ", not "
                        + value.getClass().getSimpleName());
            }
        }
    }
}
