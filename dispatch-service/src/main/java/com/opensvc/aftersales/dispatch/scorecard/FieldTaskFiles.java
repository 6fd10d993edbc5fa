package com.opensvc.aftersales.dispatch.scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * RPT-01: the field-task report as one table for CSV and Excel alike (as intake's report files): CSV is UTF-8 with a
 * BOM (Excel shows Chinese names) and defuses formula-like text; in the workbook counts and amounts are numbers.
 */
final class FieldTaskFiles {
    static final String SHEET = "Field tasks";
    static final List<String> HEADER = List.of("period", "group", "groupName", "tasks", "firstTimeFixes",
            "partsFees", "travelFees", "serviceFees", "fees");

    private FieldTaskFiles() {
    }

    private static Object[] cells(FieldTaskRow r) {
        return new Object[] {r.period(), r.group(), r.groupName(), r.tasks(), r.firstTimeFixes(), r.partsFees(),
                r.travelFees(), r.serviceFees(), r.fees()};
    }

    static byte[] csv(List<FieldTaskRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            printer.printRecord(HEADER);
            for (FieldTaskRow row : rows) {
                Object[] cells = cells(row);
                String[] text = new String[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    text[i] = csvCell(cells[i]);
                }
                printer.printRecord((Object[]) text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(List<FieldTaskRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            sheet.createFreezePane(0, 1);
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 16 * 256);
            }
            int next = 1;
            for (FieldTaskRow values : rows) {
                Row row = sheet.createRow(next++);
                Object[] cells = cells(values);
                for (int i = 0; i < cells.length; i++) {
                    Object value = cells[i];
                    if (value instanceof BigDecimal amount) {
                        row.createCell(i).setCellValue(amount.doubleValue());
                    } else if (value instanceof Integer count) {
                        row.createCell(i).setCellValue(count);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV injection: text starting with = + - @ (or a tab or CR) would run as a formula in Excel. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        String text = value.toString();
        if (text.isEmpty() || value instanceof Integer) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
