package com.opensvc.aftersales.dispatch.techsupport;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.TestTechnicians;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DSP-06 and INT-23 on the embedded platform: a NOT_FIXED visit, engineering's solution, the follow-up visit and its
 * RepairClosed without first-time fix; a ticket routed to engineering opens the same kind of request.
 */
@DispatchServiceTest
class TechSupportFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String PARTS = "aftersales.parts.stock";
    private static final String BASE = "/api/dispatch/tech-support-requests";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    JdbcClient jdbc;

    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String engineering = token("eng.wu", "TECHNICAL_DIRECTOR");
    private final String technician = token("tech.north", "TECHNICIAN");
    private final String otherTechnician = token("tech.north2", "TECHNICIAN");

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).as(record.value()).isEmpty();
    }

    /** An accepted ON_SITE ticket, assigned by the supervisor to tech.north: READY (no parts expected). */
    private String readyWorkOrder(UUID ticketId) {
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"NORTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), ticketId));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of("technicianId", "tech.north"),
                supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.body().get("state").asString()).isEqualTo("READY");
        return id;
    }

    private JsonNode workOrder(String id) {
        return api.get("/api/dispatch/work-orders/" + id, supervisor).body();
    }

    private JsonNode clock(String workOrderId, String kind) {
        for (JsonNode clock : api.get("/api/dispatch/clocks?workOrderId=" + workOrderId, supervisor).body().get("items")) {
            if (clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock");
    }

    @Test
    @DisplayName("DSP-06 SEC-02 NOT_FIXED → AWAITING_SUPPORT and engineering's request; the solution names parts → PartsRequested; the follow-up FIXED visit closes with firstTimeFix=false")
    void DSP06_notFixedSolutionFollowUpWithoutFirstTimeFix() {
        UUID ticketId = UUID.randomUUID();
        String id = readyWorkOrder(ticketId);
        String notFixedPath = "/api/dispatch/work-orders/" + id + "/not-fixed";
        Map<String, Object> visit = new HashMap<>(Map.of("siteSituation", "outdoor unit iced, fan runs, no cooling",
                "symptom", "E5 after 10 minutes", "actionsTried", "cleaned filters, checked pressure", "labourMinutes", 75,
                "question", "Is E5 with normal pressure a sensor fault on AC-3200?", "attachments",
                List.of("photo-outdoor-1.jpg")));

        assertThat(api.post(notFixedPath, visit, otherTechnician).status()).as("SEC-02 not their order").isEqualTo(403);
        assertThat(api.post(notFixedPath, visit, supervisor).status()).as("a supervisor records no visit").isEqualTo(403);
        var bad = api.post(notFixedPath, Map.of("labourMinutes", 5), technician);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("siteSituation").contains("question");
        assertThat(workOrder(id).get("state").asString()).isEqualTo("READY");

        var notFixed = api.post(notFixedPath, visit, technician);
        assertThat(notFixed.status()).as(notFixed.body().toString()).isEqualTo(200);
        assertThat(notFixed.body().get("state").asString()).isEqualTo("AWAITING_SUPPORT");
        assertThat(api.post(notFixedPath, visit, technician).status()).as("already waiting").isEqualTo(409);

        ConsumerRecord<String, String> repairNotFixed = probe.awaitType("RepairNotFixed", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(repairNotFixed);
        assertThat(repairNotFixed.value()).contains("outdoor unit iced").contains("tech.north");
        ConsumerRecord<String, String> requested = probe.awaitType("TechSupportRequested", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(requested);
        JsonNode request = JSON.readTree(requested.value());
        assertThat(request.get("source").asString()).isEqualTo("NOT_FIXED");
        assertThat(request.get("workOrderId").asString()).isEqualTo(id);
        assertThat(request.get("productModel").asString()).isEqualTo("AC-3200");
        String requestId = request.get("requestId").asString();

        // DSP-08: the arrival clock was met on the visit; the fix clock runs on while the customer waits for the answer
        assertThat(clock(id, "ARRIVAL").get("state").asString()).isEqualTo("MET");
        assertThat(clock(id, "FIX").get("state").asString()).isEqualTo("RUNNING");

        // engineering's queue; the supervisor follows it; the technician who asked reads their own request only
        JsonNode queue = api.get(BASE + "?state=OPEN&workOrderId=" + id, engineering).body();
        assertThat(queue.get("totalItems").asLong()).isEqualTo(1);
        assertThat(queue.get("items").get(0).get("siteSituation").asString()).contains("outdoor unit iced");
        assertThat(api.get(BASE + "?state=OPEN", supervisor).status()).isEqualTo(200);
        assertThat(api.get(BASE + "?state=OPEN", technician).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/" + requestId, technician).body().get("question").asString()).contains("E5");
        assertThat(api.get(BASE + "/" + requestId, otherTechnician).status()).as("SEC-02").isEqualTo(403);
        assertThat(api.get(BASE + "/" + UUID.randomUUID(), engineering).status()).isEqualTo(404);

        Map<String, Object> solution = Map.of("solution", "Replace the coil temperature sensor (batch 2026-07)",
                "partsNeeded", List.of(Map.of("partNumber", "SENSOR-COIL-32", "quantity", 1)));
        assertThat(api.post(BASE + "/" + requestId + "/solution", solution, supervisor).status())
                .as("engineering answers, not the supervisor").isEqualTo(403);
        var solved = api.post(BASE + "/" + requestId + "/solution", solution, engineering);
        assertThat(solved.status()).as(solved.body().toString()).isEqualTo(200);
        assertThat(solved.body().get("state").asString()).isEqualTo("SOLVED");
        assertThat(solved.body().get("answeredBy").asString()).isEqualTo("eng.wu");
        assertThat(api.post(BASE + "/" + requestId + "/solution", solution, engineering).status()).isEqualTo(409);

        ConsumerRecord<String, String> solvedEvent = probe.awaitType("TechSupportSolved", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(solvedEvent);
        assertThat(solvedEvent.value()).contains("SENSOR-COIL-32").contains(requestId);
        ConsumerRecord<String, String> partsRequested = probe.await(r -> ticketId.toString().equals(r.key())
                && EventProbe.eventType(r).equals("PartsRequested"), Duration.ofSeconds(30));
        assertValid(partsRequested);
        assertThat(partsRequested.value()).contains("SENSOR-COIL-32").contains("\"technicianId\": \"tech.north\"")
                .contains("STORE-NORTH");
        assertThat(workOrder(id).get("state").asString()).isEqualTo("AWAITING_PARTS");
        assertThat(jdbc.sql("SELECT action FROM work_order_history WHERE work_order_id = :id ORDER BY id")
                .param("id", UUID.fromString(id)).query(String.class).list())
                .anyMatch(a -> a.startsWith("VISIT_NOT_FIXED"))
                .anyMatch(a -> a.equals("FOLLOW_UP after support request " + requestId + " solved, parts requested"));

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","fromLocation":"STORE-NORTH",
                 "toLocation":"TECH-tech.north","lines":[{"partNumber":"SENSOR-COIL-32","quantity":1}],
                 "actor":"system:parts","occurredAt":"2026-11-23T05:00:00Z"}""".formatted(id, ticketId));
        await().atMost(Duration.ofSeconds(30)).until(() -> workOrder(id).get("state").asString().equals("READY"));

        Map<String, Object> fixed = Map.of("outcome", "FIXED", "symptom", "E5 after 10 minutes",
                "causeCode", "C-SENSOR", "actions", "replaced the coil sensor", "labourMinutes", 40,
                "customerConfirmation", "SIGNED-77", "partsUsed", List.of(Map.of("partNumber", "SENSOR-COIL-32",
                        "quantity", 1)));
        var closed = api.post("/api/dispatch/work-orders/" + id + "/visits", fixed, technician);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().get("state").asString()).isEqualTo("COMPLETED");
        ConsumerRecord<String, String> repairClosed = probe.awaitType("RepairClosed", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(repairClosed);
        assertThat(repairClosed.value()).as("DSP-06 first-time fix is false").contains("\"firstTimeFix\": false");
        assertThat(clock(id, "FIX").get("state").asString()).isIn("MET", "BREACHED");
    }

    @Test
    @DisplayName("DSP-06 closed without a solution: the reason is kept, TechSupportClosed, the order goes back READY to its technician")
    void DSP06_closedWithoutSolution() {
        UUID ticketId = UUID.randomUUID();
        String id = readyWorkOrder(ticketId);
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/not-fixed", Map.of("siteSituation", "no power",
                "question", "wiring diagram?", "labourMinutes", 20), technician).status()).isEqualTo(200);
        String requestId = JSON.readTree(probe.awaitType("TechSupportRequested", ticketId.toString(),
                Duration.ofSeconds(30)).value()).get("requestId").asString();

        assertThat(api.post(BASE + "/" + requestId + "/close", Map.of("reason", "x"), technician).status()).isEqualTo(403);
        var closed = api.post(BASE + "/" + requestId + "/close", Map.of("reason", "site power fault, not the product"),
                engineering);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("closeReason").asString()).isEqualTo("site power fault, not the product");
        assertValid(probe.awaitType("TechSupportClosed", ticketId.toString(), Duration.ofSeconds(30)));
        assertThat(workOrder(id).get("state").asString()).isEqualTo("READY");
        assertThat(api.post(BASE + "/" + requestId + "/solution", Map.of("solution", "late"), engineering).status())
                .isEqualTo(409);
    }

    private static String ticketRegistered(UUID ticketId, String routedTo) {
        return """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","channel":"PHONE","serviceType":"REMOTE",
                 "productModel":"WM-X200","productLine":"LAUNDRY","entitlement":"FREE_REPAIR","kind":"INQUIRY",
                 "priority":"NORMAL","routedTo":"%s","customerBlocked":false,"possibleDuplicateOf":[],
                 "complaintSubjects":[],"faultDescription":"Which firmware fixes E21 after the spin cycle?",
                 "actor":"desk.li","occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), routedTo);
    }

    @Test
    @DisplayName("INT-23 EVT-04 a ticket routed to ENGINEERING opens one TECHNICAL_QUESTION request however often it arrives; two answers at once: one wins; TechSupportSolved keyed by the ticket")
    void INT23_technicalQuestionOpensOneRequestAndIsAnsweredOnce() throws Exception {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = ticketRegistered(ticketId, "ENGINEERING");
        sender.send(TICKETS, null, ticketId.toString(), "TicketRegistered", "intake-service", payload, eventId);
        sender.send(TICKETS, null, ticketId.toString(), "TicketRegistered", "intake-service", payload, eventId);
        sender.send(TICKETS, ticketId.toString(), "TicketRegistered", "intake-service", payload);
        UUID afterSales = UUID.randomUUID();
        sender.send(TICKETS, afterSales.toString(), "TicketRegistered", "intake-service",
                ticketRegistered(afterSales, "AFTER_SALES"));

        ConsumerRecord<String, String> requested = probe.awaitType("TechSupportRequested", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(requested);
        JsonNode event = JSON.readTree(requested.value());
        assertThat(event.get("source").asString()).isEqualTo("TECHNICAL_QUESTION");
        assertThat(event.get("workOrderId").isNull()).isTrue();
        assertThat(event.get("question").asString()).isEqualTo("Which firmware fixes E21 after the spin cycle?");
        String requestId = event.get("requestId").asString();
        assertThat(probe.drain(Duration.ofSeconds(3)).stream().filter(r -> ticketId.toString().equals(r.key())
                && EventProbe.eventType(r).equals("TechSupportRequested"))).as("EVT-04 once").hasSize(1);
        assertThat(api.get(BASE + "?ticketId=" + ticketId, engineering).body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get(BASE + "?ticketId=" + afterSales, engineering).body().get("totalItems").asLong())
                .as("a ticket not routed to engineering is not a technical question").isZero();
        assertThat(api.get(BASE + "/" + requestId, technician).status()).as("no technician asked it").isEqualTo(403);
        assertThat(api.get(BASE + "/" + requestId, supervisor).body().get("state").asString()).isEqualTo("OPEN");

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (String text : List.of("Firmware 2.4.1 fixes E21", "Update to firmware 2.4.1")) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.post(BASE + "/" + requestId + "/solution", Map.of("solution", text), engineering).status();
            }));
        }
        assertThat(answers.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);

        ConsumerRecord<String, String> solved = probe.awaitType("TechSupportSolved", ticketId.toString(),
                Duration.ofSeconds(30));
        assertValid(solved);
        assertThat(solved.key()).as("EVT-02 keyed by the ticket: intake's timeline shows the answer")
                .isEqualTo(ticketId.toString());
        assertThat(JSON.readTree(solved.value()).get("solution").asString()).contains("2.4.1");
        assertThat(probe.drain(Duration.ofSeconds(3)).stream().filter(r -> ticketId.toString().equals(r.key())
                && EventProbe.eventType(r).equals("TechSupportSolved"))).as("solved once").hasSize(1);
    }
}
