package com.opensvc.aftersales.dispatch.scorecard;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/**
 * DSP-10, RPT-01, RPT-02 on the platform: a known set of closed orders (first-time fixes and a repeat, clocks met and
 * one breached), revisit's results for them, and the scorecards, field-task report and documents built from them.
 * The orders are the only ones of technicians and a region made for this class.
 */
@DispatchServiceTest
class ScorecardFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String REVISITS = "aftersales.revisit.revisit";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String REGION = "SCORE";
    private static final String SUPERVISOR = token("sup.zhao", "SUPERVISOR");
    private static final String TECH_A = "tech.score.a";
    private static final String TECH_B = "tech.score.b";

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;

    // the known set is made once for the class (JUnit makes an instance per test; the platform starts before it)
    private static String o1;
    private static String o2;
    private static String o3;
    private static String o4;
    private static String open;

    private static String ticketAccepted(UUID ticketId) {
        return """
                {"ticketId":"%s","ticketNumber":"T-2026-S%05d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"AIR_CONDITIONER","productModel":"KFR-35GW","serialNumber":"SN-%s",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"kind":"SERVICE_REQUEST",
                 "site":{"customerName":"青岛海滨酒店","contactName":"王经理",
                         "address":"青岛市市南区香港中路 8 号"},
                 "actor":"desk.li","occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 100_000), REGION, ticketId);
    }

    private String accept(UUID ticketId) {
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", ticketAccepted(ticketId));
        await().atMost(Duration.ofSeconds(30)).until(() -> openOrderOf(ticketId) != null);
        return openOrderOf(ticketId);
    }

    private String openOrderOf(UUID ticketId) {
        JsonNode items = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, SUPERVISOR).body().get("items");
        for (JsonNode item : items) {
            if (!item.get("state").asString().equals("COMPLETED")) {
                return item.get("id").asString();
            }
        }
        return null;
    }

    private void assign(String id, String technician) {
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of("technicianId", technician),
                SUPERVISOR);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
    }

    private void fix(String id, String technician) {
        Map<String, Object> visit = Map.of("outcome", "FIXED", "symptom", "不制冷 no cooling", "causeCode", "C-COMP",
                "actions", "更换压缩机 replaced the compressor", "labourMinutes", 95, "customerConfirmation", "签字 SIGNED",
                "partsUsed", List.of(Map.of("partNumber", "CMP-100", "quantity", 1, "newSerial", "CMP-NEW-1",
                        "oldSerial", "CMP-OLD-9")));
        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", visit, token(technician, "TECHNICIAN"));
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
    }

    private void revisit(String eventType, String workOrderId, String satisfaction) {
        revisit(eventType, workOrderId, satisfaction, "");
    }

    /** A revisit event; {@code extra} adds REV-07's optional fields (technicianId, survey, attempts). */
    private void revisit(String eventType, String workOrderId, String satisfaction, String extra) {
        UUID ticketId = UUID.randomUUID();
        String fields = (satisfaction == null ? "\"comment\":\"太吵 too loud\","
                : "\"satisfaction\":\"" + satisfaction + "\",\"flaggedForReview\":false,") + extra;
        sender.send(REVISITS, ticketId.toString(), eventType, "revisit-service", """
                {"revisitId":"%s","ticketId":"%s","workOrderId":%s,%s"actor":"callcenter.anna",
                 "occurredAt":"2026-11-30T02:00:00Z"}""".formatted(UUID.randomUUID(), ticketId,
                workOrderId == null ? "null" : "\"" + workOrderId + "\"", fields));
    }

    @BeforeEach
    void closeAKnownSetOfOrders() {
        if (open != null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity) VALUES
                    ('tech.score.a', '李师傅', ARRAY['AIR_CONDITIONER'], ARRAY['SCORE'], 'STORE-SCORE', 100000),
                    ('tech.score.b', '张师傅', ARRAY['AIR_CONDITIONER'], ARRAY['SCORE'], 'STORE-SCORE', 100000)
                ON CONFLICT (login) DO NOTHING
                """).update();
        UUID ticket1 = UUID.randomUUID();
        o1 = accept(ticket1);
        assign(o1, TECH_A);
        fix(o1, TECH_A);

        o2 = accept(UUID.randomUUID());
        assign(o2, TECH_A);
        // the arrival clock's deadline has passed when the repair closes: it is breached (DSP-08)
        jdbc.sql("UPDATE visit_clock SET due_at = started_at - INTERVAL '1 minute' WHERE work_order_id = :id AND kind = 'ARRIVAL'")
                .param("id", UUID.fromString(o2)).update();
        fix(o2, TECH_A);

        // the first ticket accepted again: a repeat order, not a first-time fix (DSP-01)
        o3 = accept(ticket1);
        assertThat(o3).isNotEqualTo(o1);
        assign(o3, TECH_A);
        fix(o3, TECH_A);

        o4 = accept(UUID.randomUUID());
        assign(o4, TECH_B);
        fix(o4, TECH_B);

        open = accept(UUID.randomUUID());
        assign(open, TECH_B);

        // REV-07: with the survey (o1, o2), without it (o4: an older event), and one happy call unreachable (o3)
        revisit("RevisitCompleted", o1, "VERY_SATISFIED", """
                "technicianId":"tech.score.a","survey":{"serviceQuality":"VERY_SATISFIED","technicalSkill":"SATISFIED",
                "chargeReasonable":true,"punctuality":"NEUTRAL","overall":"VERY_SATISFIED"},""");
        revisit("CustomerDissatisfied", o2, null, """
                "technicianId":"tech.score.a","survey":{"serviceQuality":"DISSATISFIED","technicalSkill":"NEUTRAL",
                "chargeReasonable":false,"punctuality":"DISSATISFIED","overall":"DISSATISFIED"},""");
        revisit("RevisitCompleted", null, "SATISFIED");
        revisit("RevisitCompleted", o4, "SATISFIED");
        sender.send(REVISITS, UUID.randomUUID().toString(), "RevisitUnreachable", "revisit-service", """
                {"revisitId":"%s","ticketId":"%s","workOrderId":"%s","kind":"HAPPY_CALL","technicianId":"tech.score.a",
                 "attempts":3,"actor":"callcenter.anna","occurredAt":"2026-11-30T02:00:00Z"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), o3));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM scorecard_rating WHERE work_order_id IN (:ids)")
                .param("ids", List.of(UUID.fromString(o1), UUID.fromString(o2), UUID.fromString(o4)))
                .query(Long.class).single() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM scorecard_unreachable WHERE work_order_id = :id")
                .param("id", UUID.fromString(o3)).query(Long.class).single() == 1);
    }

    private JsonNode card(String technician, String token) {
        String period = YearMonth.now(ZONE).toString();
        var response = api.get("/api/dispatch/scorecards?period=" + period + "&technicianId=" + technician, token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("items").get(0);
    }

    @Test
    @DisplayName("DSP-10 REV-07 per technician and period: completed orders, first-time-fix rate, SLA compliance, average revisit satisfaction and survey answers, unreachable revisits, revenue")
    void DSP10_scorecardFigures() {
        JsonNode a = card(TECH_A, SUPERVISOR);
        assertThat(a.get("technicianName").asString()).isEqualTo("李师傅");
        assertThat(a.get("completedOrders").asInt()).isEqualTo(3);
        assertThat(a.get("firstTimeFixes").asInt()).isEqualTo(2);
        assertThat(a.get("firstTimeFixRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(a.get("clocksMet").asInt()).isEqualTo(5);
        assertThat(a.get("clocksBreached").asInt()).isEqualTo(1);
        assertThat(a.get("slaCompliance").decimalValue()).isEqualByComparingTo("0.8333");
        assertThat(a.get("ratings").asInt()).as("very satisfied 4 and dissatisfied 1; the complaint revisit names no order")
                .isEqualTo(2);
        assertThat(a.get("averageSatisfaction").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(a.get("revenue").decimalValue()).as("no charges on RepairClosed yet").isEqualByComparingTo("0");
        // REV-07: the survey's answers and the unreachable happy call
        assertThat(a.get("revisitsAnswered").asInt()).isEqualTo(2);
        assertThat(a.get("revisitsUnreachable").asInt()).isEqualTo(1);
        assertThat(a.get("averageServiceQuality").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(a.get("averageTechnicalSkill").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(a.get("averagePunctuality").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(a.get("reasonableChargeShare").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode b = card(TECH_B, token("mgr.qian", "MANAGER"));
        assertThat(b.get("completedOrders").asInt()).as("the open order does not count").isEqualTo(1);
        assertThat(b.get("firstTimeFixRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(b.get("clocksMet").asInt()).isEqualTo(2);
        assertThat(b.get("slaCompliance").decimalValue()).isEqualByComparingTo("1");
        assertThat(b.get("averageSatisfaction").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(b.get("revisitsUnreachable").asInt()).isZero();
        assertThat(b.get("averageServiceQuality") == null || b.get("averageServiceQuality").isNull())
                .as("an event without the survey brings no answers").isTrue();
        assertThat(b.get("reasonableChargeShare") == null || b.get("reasonableChargeShare").isNull()).isTrue();

        String period = YearMonth.now(ZONE).toString();
        JsonNode all = api.get("/api/dispatch/scorecards?period=" + period + "&size=200", SUPERVISOR).body();
        assertThat(all.get("items").findValuesAsString("technicianId")).contains(TECH_A, TECH_B);
        var other = api.get("/api/dispatch/scorecards?period=" + (YearMonth.now(ZONE).getYear() - 5) + "&technicianId="
                + TECH_A, SUPERVISOR).body().get("items").get(0);
        assertThat(other.get("completedOrders").asInt()).as("another period").isZero();
    }

    @Test
    @DisplayName("DSP-10 SEC-02 a technician sees their own scorecard, another's → 403")
    void DSP10_technicianSeesOwn() {
        String techA = token(TECH_A, "TECHNICIAN");
        String period = YearMonth.now(ZONE).toString();
        JsonNode own = api.get("/api/dispatch/scorecards?period=" + period, techA).body().get("items");
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("technicianId").asString()).isEqualTo(TECH_A);
        assertThat(api.get("/api/dispatch/scorecards?period=" + period + "&technicianId=" + TECH_B, techA).status())
                .isEqualTo(403);
        assertThat(api.get("/api/dispatch/scorecards?period=" + period, token("fin.sun", "FINANCE")).status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("RPT-01 field tasks per technician, region and product by month, as JSON, CSV and a workbook read back with POI")
    void RPT01_fieldTasks() throws IOException {
        LocalDate today = LocalDate.now(ZONE);
        String range = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        JsonNode byTechnician = api.get("/api/dispatch/reports/field-tasks?groupBy=technician&granularity=day" + range,
                token("fin.sun", "FINANCE")).body();
        int tasksOfA = 0;
        for (JsonNode row : byTechnician) {
            if (row.get("group").asString().equals(TECH_A)) {
                tasksOfA += row.get("tasks").asInt();
                assertThat(row.get("groupName").asString()).isEqualTo("李师傅");
            }
        }
        assertThat(tasksOfA).isEqualTo(3);
        JsonNode byRegion = api.get("/api/dispatch/reports/field-tasks?groupBy=region&granularity=year" + range,
                token("dir.wu", "SERVICE_DIRECTOR")).body();
        int tasksInRegion = 0;
        for (JsonNode row : byRegion) {
            if (row.get("group").asString().equals(REGION)) {
                tasksInRegion += row.get("tasks").asInt();
                assertThat(row.get("fees").decimalValue()).isEqualByComparingTo("0");
            }
        }
        assertThat(tasksInRegion).isEqualTo(4);

        var csv = api.download("/api/dispatch/reports/field-tasks.csv?groupBy=technician&granularity=month" + range,
                SUPERVISOR, "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("tech.score.a", "李师傅");

        var xlsx = api.download("/api/dispatch/reports/field-tasks?groupBy=product&granularity=quarter" + range,
                SUPERVISOR, ScorecardController.XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            boolean found = false;
            for (Row row : workbook.getSheet(FieldTaskFiles.SHEET)) {
                if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().equals("AIR_CONDITIONER")) {
                    found = row.getCell(3).getNumericCellValue() >= 4;
                }
            }
            assertThat(found).as("the product line's row counts at least this class's four orders").isTrue();
        }
        assertThat(api.get("/api/dispatch/reports/field-tasks?from=" + today + "&to=" + today.minusDays(1), SUPERVISOR)
                .status()).isEqualTo(400);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    @DisplayName("RPT-02 SEC-02 the dispatch slip and the signed service report of a real order, with the Chinese customer name; another technician → 403")
    void RPT02_documentsOfARealOrder() throws IOException {
        String base = "/api/dispatch/work-orders/" + o1 + "/documents/";
        var slip = api.download(base + "dispatch-slip.pdf", token(TECH_A, "TECHNICIAN"), "application/pdf");
        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.contentType()).isEqualTo("application/pdf");
        assertThat(pdfText(slip.body())).contains("服务派工单", "青岛海滨酒店", "王经理", "香港中路", "KFR-35GW",
                "李师傅");
        var report = api.download(base + "service-report.pdf", SUPERVISOR, "application/pdf");
        assertThat(report.status()).isEqualTo(200);
        assertThat(pdfText(report.body())).contains("服务报告", "青岛海滨酒店", "不制冷", "C-COMP", "更换压缩机", "CMP-OLD-9",
                "1 h 35 min", "签字 SIGNED");
        assertThat(api.download(base + "service-report.pdf", token("mgr.qian", "MANAGER"), "application/pdf").status())
                .isEqualTo(200);

        assertThat(api.download(base + "dispatch-slip.pdf", token(TECH_B, "TECHNICIAN"), "application/pdf").status())
                .as("SEC-02").isEqualTo(403);
        assertThat(api.download(base + "dispatch-slip.pdf", token("desk.li", "FRONT_DESK"), "application/pdf").status())
                .isEqualTo(403);
        assertThat(api.download("/api/dispatch/work-orders/" + open + "/documents/service-report.pdf", SUPERVISOR,
                "application/pdf").status()).as("no fixed visit yet").isEqualTo(409);
        assertThat(api.download("/api/dispatch/work-orders/" + open + "/documents/dispatch-slip.pdf",
                token(TECH_B, "TECHNICIAN"), "application/pdf").status()).isEqualTo(200);
        assertThat(api.download("/api/dispatch/work-orders/" + UUID.randomUUID() + "/documents/dispatch-slip.pdf",
                SUPERVISOR, "application/pdf").status()).isEqualTo(404);
    }
}
