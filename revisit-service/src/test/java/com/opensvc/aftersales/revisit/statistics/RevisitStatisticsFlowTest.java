package com.opensvc.aftersales.revisit.statistics;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.revisit.happycall.HappyCallSampling;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RPT-01 revisit report and REV-07 monthly statistics (with REV-06's unreachable and REV-05's flagged revisits) on the
 * running service: one technician's month of happy calls driven through events and the API.
 */
@RevisitServiceTest
class RevisitStatisticsFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 10 May 2024 10:00 in Shanghai: the happy calls are due 17 May (REV-01), in May 2024. */
    private static final String CLOSED_AT = "2024-05-10T02:00:00Z";
    private static final YearMonth MONTH = YearMonth.of(2024, 5);

    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MonthlyStatisticsJob job;

    // the month of calls is made once for the class (JUnit makes an instance per test; the platform starts before it)
    private static final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private static final String technician = "tech.stat-" + suffix;
    private static final String region = "区域-" + suffix;
    private static final String line = "LINE-" + suffix;
    private static final String agentName = "agent.stat-" + suffix;
    private static final String agent = token(agentName, "REVISIT_AGENT");
    private static final String supervisor = token("sup.li", "SUPERVISOR");
    private static final String manager = token("mgr.zhao", "MANAGER");
    private static final String technicianToken = token(technician, "TECHNICIAN");
    private static final Map<String, UUID> tickets = new HashMap<>();
    private static final Map<String, String> revisitIds = new HashMap<>();

    private static UUID workOrder(boolean sampled) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (HappyCallSampling.sampled(id, 0.10) != sampled);
        return id;
    }

    /** intake's TicketAccepted: the ticket's region, product line and number for the report's groups. */
    private void accepted(UUID ticketId, String number) {
        String payload = """
                {"ticketId":"%s","ticketNumber":"%s","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"%s","productModel":"M-%s","serialNumber":"SN-1","expectedParts":[],
                 "priority":"NORMAL","qualityMustReport":false,"kind":"SERVICE_REQUEST","actor":"frontdesk",
                 "occurredAt":"2024-05-08T02:00:00Z"}""".formatted(ticketId, number, region, line, suffix);
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", payload);
    }

    private String repairClosed(UUID ticketId, UUID workOrderId) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","productModel":"M","serialNumber":"SN-1",
                 "entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling","causeCode":"C-1",
                 "actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"%s","occurredAt":"%s"}"""
                .formatted(workOrderId, ticketId, technician, technician, CLOSED_AT);
    }

    /** A completed repair of the technician in May 2024; its decision's event, after the ticket facts are in. */
    private JsonNode closed(String name, boolean sampled) {
        UUID ticketId = UUID.randomUUID();
        tickets.put(name, ticketId);
        accepted(ticketId, "T-" + suffix + "-" + name);
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, workOrder(sampled)));
        ConsumerRecord<String, String> decision = probe.awaitType(sampled ? "RevisitScheduled" : "RevisitNotRequired",
                ticketId.toString(), Duration.ofSeconds(30));
        JsonNode body = JSON.readTree(decision.value());
        if (sampled) {
            revisitIds.put(name, body.get("revisitId").asString());
        }
        return body;
    }

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", overall, "technicalSkill", "VERY_SATISFIED",
                "chargeReasonable", !"DISSATISFIED".equals(overall), "punctuality", "SATISFIED", "overall", overall,
                "comment", "statistics");
    }

    private void answer(String name, String overall) {
        var response = api.post("/api/revisit/revisits/" + revisitIds.get(name) + "/outcome", answers(overall), agent);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    /** REV-06 through the API; the test moves the previous attempt a day back so that the next one is on another day. */
    private void unreachable(String name) {
        String id = revisitIds.get(name);
        for (int attempt = 1; attempt <= 3; attempt++) {
            var response = api.post("/api/revisit/revisits/" + id + "/attempts", Map.of(), agent);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            jdbc.sql("UPDATE revisit SET last_attempt_at = last_attempt_at - interval '1 day' WHERE id = :id")
                    .param("id", UUID.fromString(id)).update();
        }
        probe.awaitType("RevisitUnreachable", tickets.get(name).toString(), Duration.ofSeconds(30));
    }

    @BeforeEach
    void aMonthOfHappyCalls() {
        if (!revisitIds.isEmpty()) {
            return;
        }
        // the first order of the technician's month is called anyway (coverage); the others by the sample
        closed("a", true);
        closed("b", true);
        closed("c", true);
        closed("d", true);
        closed("e", true);
        closed("f", false);
        answer("a", "VERY_SATISFIED");
        answer("b", "NEUTRAL");
        answer("c", "DISSATISFIED");
        unreachable("d");
        // e stays open, and is overdue: it was due on 17 May 2024
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM ticket_fact WHERE region = :r")
                .param("r", region).query(Long.class).single() == 6);
    }

    private static JsonNode row(JsonNode report, String group) {
        return StreamSupport.stream(report.get("rows").spliterator(), false)
                .filter(r -> group.equals(r.get("group").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group + " in " + report));
    }

    private static void assertTechnicianFigures(JsonNode row) {
        assertThat(row.get("due").asInt()).isEqualTo(5);
        assertThat(row.get("answered").asInt()).isEqualTo(3);
        assertThat(row.get("verySatisfied").asInt()).isEqualTo(1);
        assertThat(row.get("satisfied").asInt()).isEqualTo(0);
        assertThat(row.get("neutral").asInt()).isEqualTo(1);
        assertThat(row.get("dissatisfied").asInt()).isEqualTo(1);
        assertThat(row.get("unreachable").asInt()).isEqualTo(1);
        assertThat(row.get("open").asInt()).isEqualTo(1);
        assertThat(row.get("overdue").asInt()).isEqualTo(1);
        assertThat(row.get("satisfactionRate").decimalValue()).isEqualByComparingTo("0.3333");
        // service quality = the overall answer: (4 + 2 + 1) / 3; technical skill always 4, punctuality always 3
        assertThat(row.get("averageServiceQuality").decimalValue()).isEqualByComparingTo("2.33");
        assertThat(row.get("averageTechnicalSkill").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(row.get("averagePunctuality").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(row.get("averageOverall").decimalValue()).isEqualByComparingTo("2.33");
        assertThat(row.get("reasonableChargeShare").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    @DisplayName("RPT-01 REV-05 REV-06 the revisit report by technician: due, answered, each outcome, unreachable, open and overdue, rates, averages and the sample")
    void RPT01_byTechnician() {
        var response = api.get("/api/revisit/reports/revisits?period=2024-05&by=technician", supervisor);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("period").asString()).isEqualTo("2024-05");
        JsonNode row = row(response.body(), technician);
        assertTechnicianFigures(row);
        assertThat(row.get("completedWorkOrders").asInt()).isEqualTo(6);
        assertThat(row.get("happyCallsScheduled").asInt()).isEqualTo(5);
        assertThat(row.get("sampleShare").decimalValue()).isEqualByComparingTo("0.8333");
        assertThat(response.body().get("total").get("due").asInt()).isGreaterThanOrEqualTo(5);

        // the same period as a quarter, a year and the due day; another day has none of them
        for (String period : List.of("2024-Q2", "2024", "2024-05-17")) {
            JsonNode other = api.get("/api/revisit/reports/revisits?period=" + period, agent).body();
            assertThat(row(other, technician).get("due").asInt()).as(period).isEqualTo(5);
        }
        JsonNode dayAfter = api.get("/api/revisit/reports/revisits?period=2024-05-18", agent).body();
        assertThat(dayAfter.get("rows").toString()).doesNotContain(technician);
    }

    @Test
    @DisplayName("RPT-01 the revisit report by region, product, kind and agent (from revisit's ticket facts and the calls)")
    void RPT01_otherGroupings() {
        JsonNode byRegion = api.get("/api/revisit/reports/revisits?period=2024-05&by=region", token("q", "QUALITY")).body();
        assertTechnicianFigures(row(byRegion, region));
        assertThat(row(byRegion, region).get("completedWorkOrders").asInt()).isEqualTo(6);
        JsonNode byProduct = api.get("/api/revisit/reports/revisits?period=2024-05&by=product", manager).body();
        assertTechnicianFigures(row(byProduct, line));
        JsonNode byKind = api.get("/api/revisit/reports/revisits?period=2024-05&by=kind",
                token("sd", "SERVICE_DIRECTOR")).body();
        assertThat(row(byKind, "HAPPY_CALL").get("due").asInt()).isGreaterThanOrEqualTo(5);
        JsonNode byAgent = api.get("/api/revisit/reports/revisits?period=2024-05&by=agent", supervisor).body();
        JsonNode mine = row(byAgent, agentName);
        assertThat(mine.get("answered").asInt()).isEqualTo(3);
        assertThat(mine.get("unreachable").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("RPT-01 SEC-01 a technician never sees the revisit report (403); a bad period or grouping is 400")
    void RPT01_rolesAndBadInput() {
        assertThat(api.get("/api/revisit/reports/revisits?period=2024-05", technicianToken).status()).isEqualTo(403);
        assertThat(api.get("/api/revisit/reports/revisits.csv?period=2024-05", technicianToken).status()).isEqualTo(403);
        var badPeriod = api.get("/api/revisit/reports/revisits?period=2024-5", supervisor);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body().toString()).contains("period");
        var badBy = api.get("/api/revisit/reports/revisits?period=2024-05&by=customer", supervisor);
        assertThat(badBy.status()).isEqualTo(400);
        assertThat(badBy.body().toString()).contains("by");
    }

    @Test
    @DisplayName("RPT-01 the revisit report downloads as CSV and as an Excel workbook")
    void RPT01_downloads() throws Exception {
        RestApi.Download csv = api.download("/api/revisit/reports/revisits.csv?period=2024-05&by=region", supervisor, "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("2024-05," + region + ",5,3,1,0,1,1,1,1,1,");
        RestApi.Download xlsx = api.download("/api/revisit/reports/revisits.xlsx?period=2024-05&by=region", supervisor,
                "*/*");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if (region.equals(sheet.getRow(i).getCell(1).getStringCellValue())) {
                    assertThat(sheet.getRow(i).getCell(2).getNumericCellValue()).isEqualTo(5.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    @DisplayName("REV-07 REV-06 REV-05 the manager produces May 2024's statistics once: per technician, the unreachable and the neutral-flagged revisits listed, RevisitStatisticsPublished published once")
    void REV07_monthlyStatistics() {
        assertThat(api.post("/api/revisit/statistics/monthly", Map.of("month", "2024-05"), supervisor).status())
                .isEqualTo(403);
        assertThat(api.post("/api/revisit/statistics/monthly", Map.of("month", "2024-05"), technicianToken).status())
                .isEqualTo(403);
        var produced = api.post("/api/revisit/statistics/monthly", Map.of("month", "2024-05"), manager);
        assertThat(produced.status()).as(produced.body().toString()).isEqualTo(201);
        JsonNode statistics = produced.body();
        String id = statistics.get("id").asString();
        assertThat(id).isEqualTo(MonthlyStatistics.idOf(MONTH).toString());
        assertThat(statistics.get("producedBy").asString()).isEqualTo("mgr.zhao");
        assertTechnicianFigures(row(Map.of("rows", statistics.get("technicians")), technician));
        JsonNode unreachable = find(statistics.get("unreachable"), revisitIds.get("d"));
        assertThat(unreachable.get("ticketNumber").asString()).isEqualTo("T-" + suffix + "-d");
        assertThat(unreachable.get("kind").asString()).isEqualTo("HAPPY_CALL");
        assertThat(unreachable.get("technicianId").asString()).isEqualTo(technician);
        assertThat(unreachable.get("attempts").asInt()).isEqualTo(3);
        JsonNode flagged = find(statistics.get("flaggedForReview"), revisitIds.get("b"));
        assertThat(flagged.get("agent").asString()).isEqualTo(agentName);

        ConsumerRecord<String, String> published = probe.awaitType("RevisitStatisticsPublished", id, Duration.ofSeconds(30));
        assertThat(EventProbe.header(published, "ce_subject")).isEqualTo(id);
        assertThat(CONTRACTS.validate(EventProbe.header(published, "ce_type"), published.value())).isEmpty();
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.get("month").asString()).isEqualTo("2024-05");
        assertThat(event.get("unreachableCount").asInt()).isEqualTo(statistics.get("unreachable").size());
        assertThat(event.get("flaggedForReviewCount").asInt()).isEqualTo(statistics.get("flaggedForReview").size());
        assertThat(event.get("totals").get("due").asInt()).isEqualTo(statistics.get("totals").get("due").asInt());

        // again: the kept statistics, unchanged, and no second event
        var again = api.post("/api/revisit/statistics/monthly", Map.of("month", "2024-05"),
                token("sd", "SERVICE_DIRECTOR"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("producedBy").asString()).isEqualTo("mgr.zhao");
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> id.equals(r.key())).hasSize(1);

        assertThat(api.get("/api/revisit/statistics/monthly/2024-05", agent).body().get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/revisit/statistics/monthly/2024-05", technicianToken).status()).isEqualTo(403);
        JsonNode list = api.get("/api/revisit/statistics/monthly?size=200", supervisor).body();
        assertThat(list.get("items").toString()).contains(id);
        RestApi.Download csv = api.download("/api/revisit/statistics/monthly/2024-05.csv", supervisor, "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("2024-05," + technician + ",5,3,");
        assertThat(api.download("/api/revisit/statistics/monthly/2024-05.xlsx", supervisor, "*/*").status())
                .isEqualTo(200);
        var current = api.post("/api/revisit/statistics/monthly", Map.of("month", "2099-01"), manager);
        assertThat(current.status()).isEqualTo(400);
        assertThat(current.body().toString()).contains("month");
    }

    @Test
    @DisplayName("REV-07 two replicas' monthly jobs at once keep June 2024's statistics once and publish one RevisitStatisticsPublished")
    void REV07_concurrentJobsKeepOne() throws Exception {
        Instant firstOfJuly = Instant.parse("2024-06-30T16:30:00Z"); // 1 July 00:30 in Shanghai
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Optional<MonthlyStatistics>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return job.keepDue(firstOfJuly);
            }));
        }
        List<Optional<MonthlyStatistics>> results = runs.stream().map(CompletableFuture::join).toList();
        assertThat(results.stream().filter(Optional::isPresent).count()).isLessThanOrEqualTo(1);
        String id = MonthlyStatistics.idOf(YearMonth.of(2024, 6)).toString();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/revisit/statistics/monthly/2024-06", supervisor)
                .status() == 200);
        probe.awaitType("RevisitStatisticsPublished", id, Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(3))).filteredOn(r -> id.equals(r.key())).hasSize(1);
        assertThat(job.keepDue(firstOfJuly.plus(Duration.ofHours(1)))).isEmpty();
    }

    private static JsonNode find(JsonNode list, String revisitId) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(r -> revisitId.equals(r.get("revisitId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("revisit " + revisitId + " not in " + list));
    }

    private static JsonNode row(Map<String, JsonNode> wrapper, String group) {
        return StreamSupport.stream(wrapper.get("rows").spliterator(), false)
                .filter(r -> group.equals(r.get("group").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group));
    }
}
