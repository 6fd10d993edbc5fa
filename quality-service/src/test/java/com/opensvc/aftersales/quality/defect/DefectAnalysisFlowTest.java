package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.ticketfact.TicketFacts;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-01, QLT-02 on the embedded platform: returned parts, enrichment, classification, analysis deadlines. */
@QualityServiceTest
class DefectAnalysisFlowTest {
    private static final String STOCK = "aftersales.parts.stock";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final Duration HOP = Duration.ofSeconds(30);
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    InstalledBase installedBase;
    @Autowired
    TicketFacts ticketFacts;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;
    private final String quality = token("qe.sun", "QUALITY");

    private static String model() {
        return "QM-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String partReceived(UUID loanId, UUID ticketId, String model, String productSerial, Instant at) {
        return """
                {"loanId":"%s","workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","partNumber":"CMP-100",
                 "quantity":1,"serialNumber":"CMP-1","factoryDate":"2025-10-12","productModel":"%s",
                 "productSerialNumber":%s,"causeCode":"C-COMP-SEIZED","symptom":"no   cooling ","receivedBy":"store.wu",
                 "actor":"store.wu","occurredAt":"%s"}"""
                .formatted(loanId, UUID.randomUUID(), ticketId, model,
                        productSerial == null ? "null" : "\"" + productSerial + "\"", at);
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private JsonNode onlyDefectOf(UUID ticketId) {
        RestApi.Response response = api.get("/api/quality/defects?ticketId=" + ticketId, quality);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(1);
        return response.body().get("items").get(0);
    }

    /** A returned part received {@code ago} before now; waits for its DefectRecorded and returns the record. */
    private JsonNode returnedPart(UUID ticketId, String model, Duration ago) {
        sender.send(STOCK, ticketId.toString(), "DefectivePartReceived", "parts-service",
                partReceived(UUID.randomUUID(), ticketId, model, "SN-1", Instant.now().minus(ago)));
        valid(probe.awaitType("DefectRecorded", ticketId.toString(), HOP));
        return onlyDefectOf(ticketId);
    }

    private List<String> overdueIds(String as) {
        RestApi.Response response = api.get("/api/quality/defects/analysis-overdue?size=200", as);
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(i -> ids.add(i.get("defectId").asString()));
        return ids;
    }

    private static Map<String, Object> analysis() {
        return Map.of("testResult", "seized after 40 min on the bench", "conclusion", "valve lot defective",
                "cause", "C-VALVE", "responsibleDepartment", "PURCHASING", "causingPartNumber", "CMP-100");
    }

    @Test
    @DisplayName("QLT-01 EVT-04 DefectivePartReceived twice for one loan (two event ids) → one record awaiting analysis, one DefectRecorded")
    void QLT01_returnedPartOncePerLoan() {
        UUID ticketId = UUID.randomUUID();
        UUID loanId = UUID.randomUUID();
        String model = model();
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String payload = partReceived(loanId, ticketId, model, null, received);
        sender.send(STOCK, ticketId.toString(), "DefectivePartReceived", "parts-service", payload);
        sender.send(STOCK, ticketId.toString(), "DefectivePartReceived", "parts-service", payload);

        JsonNode recorded = valid(probe.awaitType("DefectRecorded", ticketId.toString(), HOP));
        assertThat(recorded.get("source").asString()).isEqualTo("DEFECTIVE_PART_RECEIVED");
        assertThat(recorded.get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(recorded.get("serialNumber").isNull()).isTrue();
        assertThat(Instant.parse(recorded.get("analysisDueBy").asString())).isEqualTo(received.plus(Duration.ofDays(7)));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key())).hasSize(1);

        JsonNode defect = onlyDefectOf(ticketId);
        assertThat(defect.get("state").asString()).isEqualTo("AWAITING_ANALYSIS");
        assertThat(defect.get("failureMode").asString()).isEqualTo("no cooling");
        assertThat(defect.get("cause").asString()).isEqualTo("C-COMP-SEIZED");
        assertThat(defect.get("loanId").asString()).isEqualTo(loanId.toString());
        assertThat(defect.get("partSerial").asString()).isEqualTo("CMP-1");
        assertThat(Instant.parse(defect.get("receivedAt").asString())).isEqualTo(received);
        RestApi.Response byFilter = api.get("/api/quality/defects?productModel=" + model
                + "&source=DEFECTIVE_PART_RECEIVED&state=AWAITING_ANALYSIS&failureMode=no%20cooling", quality);
        assertThat(byFilter.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/quality/defects?productModel=" + model + "&state=ANALYSED", quality).body()
                .get("totalItems").asLong()).isZero();
    }

    @Test
    @DisplayName("QLT-01 a repair's record carries the unit's batch and factory date (installed base) and the ticket's region")
    void QLT01_recordEnrichedFromInstalledBaseAndTicket() {
        UUID ticketId = UUID.randomUUID();
        UUID unitId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        String model = model();
        sender.send(TICKETS, unitId.toString(), "InstalledProductRecorded", "intake-service", """
                {"installedProductId":"%s","version":1,"customerId":"%s","productModel":"%s","serialNumber":"SN-9",
                 "factoryDate":"2025-09-20","shipDate":"2025-10-01","productionRecord":{"productionBatch":"B-2509",
                 "inspectedOn":"2025-09-21","inspector":"qc.wang","components":[]},"actor":"desk",
                 "occurredAt":"2026-01-01T00:00:00Z"}""".formatted(unitId, customerId, model));
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-9","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"NORTH","productLine":"AC","productModel":"%s","serialNumber":"SN-9",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"customerId":"%s",
                 "actor":"desk","occurredAt":"2026-01-02T00:00:00Z"}""".formatted(ticketId, model, customerId));
        await().atMost(HOP).until(() -> installedBase.find(model, "SN-9").isPresent()
                && ticketFacts.find(ticketId).map(f -> f.region() != null).orElse(false));

        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                DefectFlowTest.repairClosed(ticketId, UUID.randomUUID(), "C-PCB").replace("AC-3200", model)
                        .replace("SN-77", "SN-9"));
        JsonNode recorded = valid(probe.awaitType("DefectRecorded", ticketId.toString(), HOP));
        assertThat(recorded.get("productionBatch").asString()).isEqualTo("B-2509");
        assertThat(recorded.get("region").asString()).isEqualTo("NORTH");
        JsonNode defect = onlyDefectOf(ticketId);
        assertThat(defect.get("productionBatch").asString()).isEqualTo("B-2509");
        assertThat(defect.get("factoryDate").asString()).isEqualTo("2025-09-20");
        assertThat(defect.get("region").asString()).isEqualTo("NORTH");
        assertThat(defect.get("customerId").asString()).isEqualTo(customerId.toString());
        assertThat(defect.get("state").asString()).isEqualTo("NO_ANALYSIS_NEEDED");
    }

    @Test
    @DisplayName("QLT-02 a part received almost 10 days ago is on the overdue list; analysed now it is late (DefectAnalysed), and leaves the list")
    void QLT02_overdueAnalysisIsListedAndLate() {
        UUID ticketId = UUID.randomUUID();
        JsonNode defect = returnedPart(ticketId, model(), Duration.ofDays(10).minusHours(1));
        String id = defect.get("id").asString();

        RestApi.Response overdue = api.get("/api/quality/defects/analysis-overdue?size=200", token("mgr.wu", "MANAGER"));
        assertThat(overdue.status()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode item : overdue.body().get("items")) {
            if (item.get("defectId").asString().equals(id)) {
                line = item;
            }
        }
        assertThat(line).as("on the overdue list").isNotNull();
        assertThat(line.get("daysOverdue").asLong()).isEqualTo(3);
        assertThat(overdueIds(token("td.he", "TECHNICAL_DIRECTOR"))).contains(id);
        assertThat(api.get("/api/quality/defects/analysis-overdue", token("desk.li", "FRONT_DESK")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/quality/defects/" + id + "/analysis", analysis(), token("mgr.wu", "MANAGER")).status())
                .isEqualTo(403);

        RestApi.Response analysed = api.post("/api/quality/defects/" + id + "/analysis", analysis(), quality);
        assertThat(analysed.status()).as(String.valueOf(analysed.body())).isEqualTo(200);
        assertThat(analysed.body().get("state").asString()).isEqualTo("ANALYSED");
        assertThat(analysed.body().get("analysedLate").asBoolean()).isTrue();
        assertThat(analysed.header("ETag")).isEqualTo("\"2\"");
        JsonNode event = valid(probe.awaitType("DefectAnalysed", ticketId.toString(), HOP));
        assertThat(event.get("analysedLate").asBoolean()).isTrue();
        assertThat(event.get("causingPartNumber").asString()).isEqualTo("CMP-100");
        assertThat(overdueIds(quality)).doesNotContain(id);

        RestApi.Response again = api.post("/api/quality/defects/" + id + "/analysis", analysis(), quality);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("QLT-02 a part received yesterday is not overdue; analysed now it is on time; a repair done on site needs no analysis (409)")
    void QLT02_analysisWithinSevenDays() {
        UUID ticketId = UUID.randomUUID();
        String id = returnedPart(ticketId, model(), Duration.ofDays(1)).get("id").asString();
        assertThat(overdueIds(quality)).doesNotContain(id);
        RestApi.Response stale = api.post("/api/quality/defects/" + id + "/analysis", analysis(), quality,
                Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        RestApi.Response analysed = api.post("/api/quality/defects/" + id + "/analysis", analysis(), quality,
                Map.of("If-Match", "\"1\""));
        assertThat(analysed.status()).isEqualTo(200);
        assertThat(analysed.body().get("analysedLate").asBoolean()).isFalse();
        assertThat(valid(probe.awaitType("DefectAnalysed", ticketId.toString(), HOP)).get("analysedLate").asBoolean())
                .isFalse();

        UUID onSite = UUID.randomUUID();
        sender.send(WORK_ORDERS, onSite.toString(), "RepairClosed", "dispatch-service",
                DefectFlowTest.repairClosed(onSite, UUID.randomUUID(), "C-PCB"));
        probe.awaitType("DefectRecorded", onSite.toString(), HOP);
        String onSiteId = onlyDefectOf(onSite).get("id").asString();
        RestApi.Response refused = api.post("/api/quality/defects/" + onSiteId + "/analysis", analysis(), quality);
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("QLT-02 a RETURN repair with a cause code: the unit came back, its analysis is due 7 days after the close")
    void QLT02_returnedProductAwaitsAnalysis() {
        UUID ticketId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                DefectFlowTest.repairClosed(ticketId, UUID.randomUUID(), "C-PCB")
                        .replace("\"FREE_REPAIR\"", "\"RETURN\""));
        JsonNode recorded = valid(probe.awaitType("DefectRecorded", ticketId.toString(), HOP));
        assertThat(recorded.get("analysisDueBy").asString()).isEqualTo("2026-11-30T02:00:00Z");
        JsonNode defect = onlyDefectOf(ticketId);
        assertThat(defect.get("state").asString()).isEqualTo("AWAITING_ANALYSIS");
        assertThat(defect.get("receivedAt").asString()).isEqualTo("2026-11-23T02:00:00Z");
    }

    @Test
    @DisplayName("QLT-01 quality classifies a record with If-Match: new version, history with before and after, DefectReclassified; 428 without, 412 stale")
    void QLT01_classifyAndCorrect() {
        UUID ticketId = UUID.randomUUID();
        String id = returnedPart(ticketId, model(), Duration.ofHours(1)).get("id").asString();
        String path = "/api/quality/defects/" + id + "/classification";
        Map<String, Object> body = Map.of("failureMode", "no  cooling", "cause", "C-VALVE",
                "responsibleDepartment", "PURCHASING", "causingPartNumber", "CMP-100", "productionBatch", "B-77",
                "note", "supplier lot 77");

        assertThat(api.put(path, body, quality, Map.of()).status()).isEqualTo(428);
        assertThat(api.put(path, body, token("sup.ma", "SUPERVISOR"), Map.of("If-Match", "\"1\"")).status())
                .isEqualTo(403);
        RestApi.Response read = api.get("/api/quality/defects/" + id, quality);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        RestApi.Response classified = api.put(path, body, quality, Map.of("If-Match", read.header("ETag")));
        assertThat(classified.status()).as(String.valueOf(classified.body())).isEqualTo(200);
        assertThat(classified.header("ETag")).isEqualTo("\"2\"");
        assertThat(classified.body().get("responsibleDepartment").asString()).isEqualTo("PURCHASING");
        assertThat(classified.body().get("failureMode").asString()).isEqualTo("no cooling");
        assertThat(classified.body().get("productionBatch").asString()).isEqualTo("B-77");
        assertThat(classified.body().get("state").asString()).isEqualTo("AWAITING_ANALYSIS");
        assertThat(api.put(path, body, quality, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);

        JsonNode event = valid(probe.awaitType("DefectReclassified", ticketId.toString(), HOP));
        assertThat(event.get("version").asInt()).isEqualTo(2);
        assertThat(event.get("note").asString()).isEqualTo("supplier lot 77");

        RestApi.Response history = api.get("/api/quality/defects/" + id + "/history", token("mgr.wu", "MANAGER"));
        assertThat(history.status()).isEqualTo(200);
        JsonNode lines = history.body().get("items");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("action").asString()).isEqualTo("RECORDED");
        assertThat(lines.get(1).get("action").asString()).isEqualTo("CLASSIFIED");
        assertThat(lines.get(1).get("actor").asString()).isEqualTo("qe.sun");
        assertThat(lines.get(1).get("before").get("cause").asString()).isEqualTo("C-COMP-SEIZED");
        assertThat(lines.get(1).get("after").get("cause").asString()).isEqualTo("C-VALVE");
        assertThat(lines.get(1).get("after").get("responsibleDepartment").asString()).isEqualTo("PURCHASING");
        assertThat(api.get("/api/quality/defects/" + id + "/history", token("desk.li", "FRONT_DESK")).status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("QLT-01 two classifications at once with the same If-Match: one 200, one 412")
    void QLT01_concurrentClassificationsOneWins() throws Exception {
        UUID ticketId = UUID.randomUUID();
        String id = returnedPart(ticketId, model(), Duration.ofHours(1)).get("id").asString();
        String path = "/api/quality/defects/" + id + "/classification";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (String department : List.of("PRODUCTION", "ENGINEERING")) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.put(path, Map.of("failureMode", "noisy", "cause", "C-" + department,
                        "responsibleDepartment", department), quality, Map.of("If-Match", "\"1\"")).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode defect = api.get("/api/quality/defects/" + id, quality).body();
        assertThat(defect.get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/quality/defects/" + id + "/history", quality).body().get("totalItems").asLong())
                .isEqualTo(2);
    }
}
