package com.opensvc.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** RPT-01: the one table writer of every export — CSV and Excel read back with independent parsers. */
class TabularReportTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static TabularReport sample() {
        return TabularReport.builder("库存 / stock").zone(SHANGHAI)
                .text("part").text("note").wholeNumber("onHand").decimal("value").date("day").instant("at")
                .row("CMP-100", "压缩机, \"3.2 kW\"\r\nline two", 4, new BigDecimal("5120.00"), LocalDate.of(2026, 11, 30),
                        Instant.parse("2026-11-30T01:02:03Z"))
                .row("=HYPERLINK(\"x\")", "+1", -3, new BigDecimal("-0.50"), null, null)
                .row("@sum", "-minus", 0L, BigDecimal.ZERO, null, null)
                .row("\tTAB", "", null, null, null, null)
                .build();
    }

    private static List<CSVRecord> parse(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    @DisplayName("RPT-01 CSV: UTF-8 with a BOM, RFC 4180 quoting (comma, quote, CRLF), Chinese text, CRLF rows")
    void RPT01_csvQuotingAndBom() throws Exception {
        byte[] csv = sample().csv();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFpart,note,onHand,value,day,at\r\n")
                .contains("\"压缩机, \"\"3.2 kW\"\"\r\nline two\"");
        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("note")).isEqualTo("压缩机, \"3.2 kW\"\r\nline two");
        assertThat(records.get(0).get("onHand")).isEqualTo("4");
        assertThat(records.get(0).get("value")).isEqualTo("5120.00");
        assertThat(records.get(0).get("day")).isEqualTo("2026-11-30");
        assertThat(records.get(0).get("at")).as("instants in the report's zone, with its offset")
                .isEqualTo("2026-11-30T09:02:03+08:00");
        assertThat(records.get(3).get("onHand")).as("null is an empty cell").isEmpty();
    }

    @Test
    @DisplayName("RPT-01 CSV injection: text starting with = + - @ or a tab gets a leading quote; numbers stay numbers")
    void RPT01_csvFormulaGuard() throws Exception {
        List<CSVRecord> records = parse(sample().csv());
        assertThat(records.get(1).get("part")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(records.get(1).get("note")).isEqualTo("'+1");
        assertThat(records.get(1).get("onHand")).as("a negative number is a number, not a formula").isEqualTo("-3");
        assertThat(records.get(1).get("value")).isEqualTo("-0.50");
        assertThat(records.get(2).get("part")).isEqualTo("'@sum");
        assertThat(records.get(2).get("note")).isEqualTo("'-minus");
        assertThat(records.get(3).get("part")).isEqualTo("'\tTAB");
        assertThat(records.get(3).get("note")).isEmpty();
    }

    @Test
    @DisplayName("RPT-01 Excel: one sheet, the header, Chinese text, numbers, dates and instants as typed cells")
    void RPT01_xlsxRoundTrip() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sample().xlsx()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).as("a sheet name has no '/'").isEqualTo("库存   stock");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("part");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("at");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("压缩机, \"3.2 kW\"\r\nline two");
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(5120.0);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(first.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 2, 3));
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getCellType()).as("text is never a formula in the workbook")
                    .isEqualTo(CellType.STRING);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(second.getCell(4)).as("null is no cell").isNull();
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("RPT-01 a cell must fit its column's type, and a row has a cell per column")
    void RPT01_typedCells() {
        TabularReport.Builder builder = TabularReport.builder("t").text("a").wholeNumber("n");
        assertThatThrownBy(() -> builder.row("x", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n");
        assertThatThrownBy(() -> builder.row("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TabularReport.builder("t").decimal("d").row(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TabularReport.builder("empty").text("a").build().csv())
                .isEqualTo("\uFEFFa\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("RPT-01 ReportFiles: content type, attachment file name, no-store; Accept picks the format")
    void RPT01_downloads() {
        ResponseEntity<byte[]> csv = ReportFiles.csv(sample(), "holdings-2026-11-30");
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"holdings-2026-11-30.csv\"");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        ResponseEntity<byte[]> xlsx = ReportFiles.xlsx(sample(), "库存");
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(ReportFiles.XLSX);
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=")
                .contains("UTF-8''%E5%BA%93%E5%AD%98.xlsx");
        assertThat(ReportFiles.Format.of(null)).isEqualTo(ReportFiles.Format.JSON);
        assertThat(ReportFiles.Format.of("*/*")).isEqualTo(ReportFiles.Format.JSON);
        assertThat(ReportFiles.Format.of("text/csv")).isEqualTo(ReportFiles.Format.CSV);
        assertThat(ReportFiles.Format.of(ReportFiles.XLSX)).isEqualTo(ReportFiles.Format.XLSX);
        assertThat(ReportFiles.Format.of("not a media type;;")).isEqualTo(ReportFiles.Format.JSON);
    }
}
