package com.opensvc.aftersales.intake.complaint.accountability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The report as one table, for CSV and Excel alike: the first column says what a row is ({@code COMPLAINT},
 * {@code PENALTY}, {@code PERSON_TOTAL}, {@code DEPARTMENT_TOTAL}), so finance can filter it and a program can read
 * it back. CSV is UTF-8 with a BOM (Excel shows Chinese names) and defuses formula-like text; in the workbook
 * amounts and counts are numbers, everything else text.
 */
final class AccountabilityReportFiles {
    static final String SHEET = "Accountability";
    static final List<String> HEADER = List.of("record", "month", "ticketNumber", "responsibleDepartment",
            "responsiblePerson", "remedy", "approvedBy", "approvedAt", "formReturnedAt", "person", "kind", "amount",
            "departmentAssessed", "note", "decidedBy", "decidedAt", "complaints", "penalties", "deductionAmount",
            "otherAmount");

    private AccountabilityReportFiles() {
    }

    /** The rows under {@link #HEADER}; cells are String, BigDecimal or Integer (null = empty). */
    static List<Object[]> rows(AccountabilityReport report) {
        List<Object[]> rows = new ArrayList<>();
        String m = report.month();
        for (var c : report.complaints()) {
            rows.add(row("COMPLAINT", m, c.ticketNumber(), c.responsibleDepartment(), c.responsiblePerson(), c.remedy(),
                    c.approvedBy(), text(c.approvedAt()), text(c.formReturnedAt()), null, null, null, null, null, null,
                    null, null, null, null, null));
        }
        for (var p : report.penalties()) {
            rows.add(row("PENALTY", m, p.ticketNumber(), p.responsibleDepartment(), null, null, null, null, null,
                    p.person(), p.kind(), p.amount(), String.valueOf(p.departmentAssessed()), p.note(), p.decidedBy(),
                    text(p.decidedAt()), null, null, null, null));
        }
        for (var t : report.totalsByPerson()) {
            rows.add(row("PERSON_TOTAL", m, null, null, null, null, null, null, null, t.person(), null, null, null,
                    null, null, null, null, t.penalties(), t.deductionAmount(), t.otherAmount()));
        }
        for (var t : report.totalsByDepartment()) {
            rows.add(row("DEPARTMENT_TOTAL", m, null, t.department(), null, null, null, null, null, null, null, null,
                    null, null, null, null, t.complaints(), t.penalties(), t.deductionAmount(), t.otherAmount()));
        }
        return rows;
    }

    static byte[] csv(AccountabilityReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            printer.printRecord(HEADER);
            for (Object[] row : rows(report)) {
                printer.printRecord(Arrays.stream(row).map(AccountabilityReportFiles::csvCell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(AccountabilityReport report) {
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
                sheet.setColumnWidth(i, 18 * 256);
            }
            int next = 1;
            for (Object[] values : rows(report)) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
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

    private static Object[] row(Object... cells) {
        return cells;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
