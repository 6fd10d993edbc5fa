package com.opensvc.aftersales.dispatch.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opensvc.aftersales.dispatch.charge.ChargeKind;
import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.charge.PaymentMethod;
import com.opensvc.aftersales.dispatch.document.DocumentSources.UsedPart;
import com.opensvc.aftersales.dispatch.maintenance.InspectionRecord;
import com.opensvc.aftersales.dispatch.workorder.PartLine;

/** RPT-02: each document rendered to PDF and read back with PDFBox, Chinese names included; templates an operator edits. */
class DocumentRendererTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DocumentRenderer packaged = new DocumentRenderer(new DocumentProperties("", SHANGHAI));

    static DispatchSlip slip(String customer) {
        return new DispatchSlip(UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905"), "T-2026-000123", "ON_SITE",
                "HIGH", "FREE_REPAIR", customer, "王经理", "青岛市市南区香港中路 8 号", "AIR_CONDITIONER",
                "KFR-35GW", "SN-35-0001", null, List.of(new PartLine("CMP-100", 2)), "tech.north", "李师傅",
                Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T03:00:00Z"),
                Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T02:30:00Z"), "READY");
    }

    static ServiceReport report() {
        return new ServiceReport(UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905"), "T-2026-000123",
                "青岛海滨酒店", "王经理", "青岛市市南区香港中路 8 号", "KFR-35GW", "SN-35-0001", "tech.north", "李师傅",
                "不制冷 no cooling", "COMPRESSOR", "更换压缩机 replaced the compressor",
                List.of(new UsedPart("CMP-100", 1, "NEW-1", "OLD-1")), 95, "客户已签字 signed",
                Instant.parse("2026-11-30T06:00:00Z"));
    }

    static ChargeForm chargeForm() {
        ChargeSheet.Charges charges = new ChargeSheet.Charges(List.of(
                new ChargeSheet.Line(ChargeKind.PARTS, "压缩机 compressor", "CMP-100", 1, new BigDecimal("480.00"),
                        new BigDecimal("480.00")),
                new ChargeSheet.Line(ChargeKind.TRAVEL, "上门 35 km", null, null, null, new BigDecimal("80.00")),
                new ChargeSheet.Line(ChargeKind.SERVICE, "工时 1.5 h", null, null, null, new BigDecimal("150.50"))),
                new BigDecimal("480.00"), new BigDecimal("80.00"), new BigDecimal("150.50"), new BigDecimal("710.50"),
                "CNY", null);
        return new ChargeForm(UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905"), "T-2026-000123", "青岛海滨酒店",
                "王经理", "青岛市市南区香港中路 8 号", "KFR-35GW", "SN-35-0001", "PAID", "tech.north", "李师傅", charges,
                new ChargeSheet.Payment(PaymentMethod.INVOICED, "INV-2026-0815", null, new BigDecimal("710.50"), "CNY"),
                Instant.parse("2026-11-30T06:00:00Z"));
    }

    static InspectionRecordDocument inspectionRecord() {
        return new InspectionRecordDocument(UUID.fromString("1b7e5c9a-3d2f-4e8b-9a61-0c5d4e3f2a19"),
                UUID.fromString("6a2c4e8b-0d1f-4a3b-8c5e-7f9a1b2c3d4e"), "KFR-35GW", "SN-35-0001", "NORTH",
                "INSPECTION", "ON_SITE", "月度巡检 monthly inspection", LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-11-30"), "tech.north", "李师傅",
                List.of(new InspectionRecord.ItemResult("滤网 filter", InspectionRecord.Result.OK, "清洁 cleaned"),
                        new InspectionRecord.ItemResult("排水 drainage", InspectionRecord.Result.PROBLEM, "渗漏 leaking")),
                List.of(new InspectionRecord.Problem(UUID.randomUUID(), "排水管渗漏 drain pipe leaking",
                        InspectionRecord.Severity.MEDIUM)),
                "SIGNATURE", "青岛海滨酒店 王经理", Instant.parse("2026-11-30T07:15:00Z"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    @DisplayName("RPT-02 the service dispatch slip prints the customer's Chinese name, contact, phone, address, product, parts and technician")
    void RPT02_dispatchSlipReadsBack() throws IOException {
        byte[] pdf = packaged.render("dispatch-slip", slip("青岛海滨酒店"), List.of());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("服务派工单", "青岛海滨酒店", "王经理", "青岛市市南区香港中路", "T-2026-000123",
                "KFR-35GW", "SN-35-0001", "CMP-100", "李师傅", "tech.north", "2026-11-30 10:30",
                "2026-12-01 09:00 - 2026-12-01 11:00");
    }

    @Test
    @DisplayName("RPT-02 the service report signed by the customer prints symptom, cause, actions, parts used, labour and confirmation")
    void RPT02_serviceReportReadsBack() throws IOException {
        String text = text(packaged.render("service-report", report(), List.of()));
        assertThat(text).contains("服务报告", "青岛海滨酒店", "王经理", "不制冷", "COMPRESSOR", "更换压缩机", "CMP-100", "OLD-1",
                "1 h 35 min", "客户已签字", "2026-11-30 14:00");
    }

    @Test
    @DisplayName("RPT-02 the charge form prints three copies (customer, finance, file), each with the Chinese customer, the parts at catalogue price, travel, service, totals and payment")
    void RPT02_chargeFormThreeCopies() throws IOException {
        byte[] pdf = packaged.render("charge-form", chargeForm(),
                PrintableDocument.CHARGE_FORM.copySet().copies());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        String text = text(pdf);
        assertThat(text).contains("收费单", "客户联", "财务联", "存档联", "青岛海滨酒店", "王经理", "CMP-100", "480.00", "80.00",
                "150.50", "710.50 CNY", "INVOICED INV-2026-0815", "2026-11-30 14:00");
    }

    @Test
    @DisplayName("RPT-02 the inspection record prints the items checked, the problems found and who signed for the customer, in Chinese")
    void RPT02_inspectionRecordReadsBack() throws IOException {
        String text = text(packaged.render("inspection-record", inspectionRecord(), List.of()));
        assertThat(text).contains("巡检记录", "月度巡检", "KFR-35GW", "滤网", "排水", "PROBLEM", "排水管渗漏", "MEDIUM",
                "青岛海滨酒店 王经理", "SIGNATURE", "李师傅", "2026-11-30 15:15");
    }

    @Test
    @DisplayName("RPT-02 the Chinese font is embedded in the PDF (a subset of Noto Sans SC)")
    void RPT02_fontIsEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(packaged.render("dispatch-slip", slip("青岛海滨酒店"), List.of()))) {
            var resources = document.getPage(0).getResources();
            boolean embedded = false;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                embedded |= font.getName().contains("NotoSansSC") && font.isEmbedded();
            }
            assertThat(embedded).isTrue();
        }
    }

    @Test
    @DisplayName("RPT-02 every value is escaped: markup in a customer's name prints as text")
    void RPT02_valuesAreEscaped() throws IOException {
        String html = packaged.html("dispatch-slip", slip("<b>Evil</b> & 酒店"), null, List.of());
        assertThat(html).contains("&lt;b&gt;Evil&lt;/b&gt; &amp; 酒店").doesNotContain("<b>Evil");
        assertThat(text(packaged.render("dispatch-slip", slip("<b>Evil</b> & 酒店"), List.of())))
                .contains("<b>Evil</b> & 酒店");
    }

    @Test
    @DisplayName("RPT-02 a document with copies prints each copy on its own pages in one PDF")
    void RPT02_copySet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("copies.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><body style="font-family: 'Noto Sans SC'">
                <p th:text="${'联 ' + copy + ' ' + doc.customerName}">copy</p></body></html>""");
        DocumentRenderer renderer = new DocumentRenderer(new DocumentProperties(dir.toString(), SHANGHAI));
        byte[] pdf = renderer.render("copies", slip("青岛海滨酒店"),
                PrintableDocument.CopySet.CUSTOMER_FINANCE_FILE.copies());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(text(pdf)).contains("联 CUSTOMER 青岛海滨酒店", "联 FINANCE 青岛海滨酒店", "联 FILE 青岛海滨酒店");
    }

    @Test
    @DisplayName("RPT-02 an operator's template in the template directory replaces the packaged one without a rebuild, and is read again on every print")
    void RPT02_operatorTemplateWins(@TempDir Path dir) throws IOException {
        DocumentRenderer renderer = new DocumentRenderer(new DocumentProperties(dir.toString(), SHANGHAI));
        assertThat(text(renderer.render("dispatch-slip", slip("青岛海滨酒店"), List.of()))).contains("服务派工单");
        Files.writeString(dir.resolve("dispatch-slip.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><body style="font-family: 'Noto Sans SC'">
                <h1>海滨派工单 v2</h1><p th:text="${doc.customerName}">x</p></body></html>""");
        assertThat(text(renderer.render("dispatch-slip", slip("青岛海滨酒店"), List.of())))
                .contains("海滨派工单 v2", "青岛海滨酒店").doesNotContain("服务派工单");
    }

    @Test
    @DisplayName("RPT-02 a template with a syntax error or a missing template is a DocumentUnavailableException naming the template")
    void RPT02_brokenTemplates(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("dispatch-slip.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><body><p th:text="${doc.customerName">x</p></body></html>""");
        Files.writeString(dir.resolve("service-report.html"), """
                <html><body><p>unclosed <b>tag</p></body></html>""");
        DocumentRenderer renderer = new DocumentRenderer(new DocumentProperties(dir.toString(), SHANGHAI));
        assertThatThrownBy(() -> renderer.render("dispatch-slip", slip("青岛海滨酒店"), List.of()))
                .isInstanceOf(DocumentUnavailableException.class).hasMessageContaining("dispatch-slip")
                .hasMessageNotContaining("青岛");
        assertThatThrownBy(() -> renderer.render("service-report", report(), List.of()))
                .isInstanceOf(DocumentUnavailableException.class).hasMessageContaining("service-report");
        assertThatThrownBy(() -> renderer.render("inspection-record", report(), List.of()))
                .isInstanceOf(DocumentUnavailableException.class).hasMessageContaining("inspection-record");
    }
}
