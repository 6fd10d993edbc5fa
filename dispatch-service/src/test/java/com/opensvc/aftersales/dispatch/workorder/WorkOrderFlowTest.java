package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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

@DispatchServiceTest
class WorkOrderFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String PARTS = "aftersales.parts.stock";
    private static final EventContracts CONTRACTS = EventContracts.load();

    private RestApi api;
    @ProbeTopics({WORK_ORDERS, TICKETS + ".DLT"})
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");

    static String ticketAccepted(UUID ticketId, String region, String partsJson) {
        return """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":%s,"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), region, ticketId, partsJson);
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private JsonNode workOrdersOf(UUID ticketId) {
        return api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items");
    }

    /** DSP-02: the supervisor confirms the proposed technician (the default policy, §11). */
    private JsonNode confirmProposal(String workOrderId) {
        var confirmed = api.post("/api/dispatch/work-orders/" + workOrderId + "/assignment", Map.of(), supervisor);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        return confirmed.body();
    }

    @Test
    @DisplayName("DSP-01 EVT-04 the same TicketAccepted delivered twice gives one work order; another acceptance while it is open opens none")
    void DSP01_EVT04_duplicateTicketAcceptedGivesOneWorkOrder() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = ticketAccepted(ticketId, "NORTH", "[]");
        sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service", payload, eventId);
        sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service", payload, eventId);
        // a ticket has one open work order at a time: an acceptance while it is open opens no second one (DSP-01)
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", payload);

        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        var created = probe.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> ticketId.toString().equals(r.key()) && EventProbe.eventType(r).equals("WorkOrderCreated"))
                .toList();
        assertThat(created).hasSize(1);
        assertThat(workOrdersOf(ticketId).size()).isEqualTo(1);
        assertThat(workOrdersOf(ticketId).get(0).get("state").asString()).as("DSP-02 §11 the supervisor confirms")
                .isEqualTo("NEW");
        assertThat(workOrdersOf(ticketId).get(0).get("proposedTechnician").asString()).startsWith("tech.north");
        assertThat(workOrdersOf(ticketId).get(0).get("acceptanceEventId").asString()).isEqualTo(eventId.toString());
    }

    @Test
    @DisplayName("EVT-05 a poison message goes to the DLT with its reason; the next message on the partition is processed")
    void EVT05_poisonMessageToDeadLetterAndPartitionFlows() {
        UUID poisonTicket = UUID.randomUUID();
        UUID goodTicket = UUID.randomUUID();
        UUID poisonId = sender.send(TICKETS, 0, poisonTicket.toString(), "TicketAccepted", "intake-service",
                "{\"ticketId\": \"" + poisonTicket + "\", \"expectedParts\": ", UUID.randomUUID());
        sender.send(TICKETS, 0, goodTicket.toString(), "TicketAccepted", "intake-service",
                ticketAccepted(goodTicket, "NORTH", "[]"), UUID.randomUUID());

        ConsumerRecord<String, String> dead = probe.await(r -> r.topic().equals(TICKETS + ".DLT")
                && poisonTicket.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(EventProbe.header(dead, "ce_id")).isEqualTo(poisonId.toString());
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
        assertThat(EventProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(TICKETS);
        probe.awaitType("WorkOrderCreated", goodTicket.toString(), Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("DSP-02 DSP-03 DSP-05 SEC-02 the supervisor confirms the proposal, parts requested, only the assigned technician closes it")
    void DSP05_assignedTechnicianClosesTheRepair() {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service",
                ticketAccepted(ticketId, "SOUTH", "[{\"partNumber\":\"CMP-100\",\"quantity\":1}]"));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        JsonNode proposed = workOrdersOf(ticketId).get(0);
        assertThat(proposed.get("state").asString()).isEqualTo("NEW");
        assertThat(proposed.get("proposedTechnician").asString()).isEqualTo("tech.south");
        assertThat(api.post("/api/dispatch/work-orders/" + proposed.get("id").asString() + "/assignment", Map.of(),
                token("tech.south", "TECHNICIAN")).status()).as("DSP-02 a technician does not assign").isEqualTo(403);
        confirmProposal(proposed.get("id").asString());

        ConsumerRecord<String, String> requested = probe.awaitType("PartsRequested", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(requested, "ce_type"), requested.value())).isEmpty();
        assertThat(requested.value()).contains("\"technicianId\": \"tech.south\"").contains("STORE-SOUTH");
        ConsumerRecord<String, String> assigned = probe.awaitType("TechnicianAssigned", ticketId.toString(), Duration.ofSeconds(5));
        assertThat(CONTRACTS.validate(EventProbe.header(assigned, "ce_type"), assigned.value())).isEmpty();
        JsonNode workOrder = workOrdersOf(ticketId).get(0);
        String id = workOrder.get("id").asString();
        assertThat(workOrder.get("state").asString()).isEqualTo("AWAITING_PARTS");

        Map<String, Object> visit = Map.of("outcome", "FIXED", "symptom", "no cooling", "causeCode", "C-COMP-SEIZED",
                "actions", "replaced compressor", "labourMinutes", 95, "customerConfirmation", "SIGNED-4711",
                "partsUsed", java.util.List.of(Map.of("partNumber", "CMP-100", "quantity", 1, "newSerial", "CMP-NEW-1",
                        "oldSerial", "CMP-OLD-9")));
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/visits", visit, token("tech.south", "TECHNICIAN")).status())
                .as("parts not issued yet").isEqualTo(409);

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "toLocation":"TECH-tech.south","lines":[{"partNumber":"CMP-100","quantity":1}],"actor":"system:parts",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(id, ticketId));
        await().atMost(Duration.ofSeconds(30)).until(() -> workOrdersOf(ticketId).get(0).get("state").asString().equals("READY"));

        var stranger = api.post("/api/dispatch/work-orders/" + id + "/visits", visit, token("tech.north", "TECHNICIAN"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/work-orders/" + id, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/work-orders?ticketId=" + ticketId, token("tech.north", "TECHNICIAN")).body()
                .get("items").size()).isZero();

        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", visit, token("tech.south", "TECHNICIAN"));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().get("state").asString()).isEqualTo("COMPLETED");
        ConsumerRecord<String, String> closed = probe.awaitType("RepairClosed", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(closed, "ce_type"), closed.value())).isEmpty();
        assertThat(closed.value()).contains("CMP-OLD-9").contains("\"firstTimeFix\": true");
    }

    @Test
    @DisplayName("DSP-02 with no technician for the region the order waits NEW; only a supervisor assigns one")
    void DSP02_supervisorAssignsWhenNoProposal() {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", ticketAccepted(ticketId, "EAST", "[]"));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        JsonNode workOrder = workOrdersOf(ticketId).get(0);
        assertThat(workOrder.get("state").asString()).isEqualTo("NEW");
        assertThat(workOrder.get("proposedTechnician").isNull()).isTrue();
        String path = "/api/dispatch/work-orders/" + workOrder.get("id").asString() + "/assignment";

        assertThat(api.post(path, Map.of(), supervisor).status()).as("nobody proposed, nobody named").isEqualTo(400);
        var outside = api.post(path, Map.of("technicianId", "tech.north"), supervisor);
        assertThat(outside.status()).as("DSP-02 the choice is held to the proposal's clauses").isEqualTo(400);
        assertThat(outside.body().toString()).contains("technicianId").contains("REGION");
        String east = "tech.east." + UUID.randomUUID().toString().substring(0, 6);
        TestTechnicians.create(jdbc, east, "AIR_CONDITIONER", "EAST", 5);
        var assigned = api.post(path, Map.of("technicianId", east), supervisor);
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().get("state").asString()).isEqualTo("READY");
        assertThat(assigned.body().get("technician").asString()).isEqualTo(east);
        ConsumerRecord<String, String> event = probe.awaitType("TechnicianAssigned", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(event.value()).contains("\"assignedBy\": \"SUPERVISOR\"").contains("sup.zhao");
        assertThat(api.post(path, Map.of("technicianId", east), supervisor).status()).as("already assigned").isEqualTo(409);
    }

    @Test
    @DisplayName("EVT-03 dispatch consumes the published schema's example of TicketAccepted")
    void EVT03_consumesTheSchemaExample() {
        String example = CONTRACTS.examples("com.opensvc.aftersales.TicketAccepted.v1").get(0);
        String ticketId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("ticketId").asString();
        sender.send(TICKETS, ticketId, "TicketAccepted", "intake-service", example);
        probe.awaitType("WorkOrderCreated", ticketId, Duration.ofSeconds(30));
        confirmProposal(workOrdersOf(UUID.fromString(ticketId)).get(0).get("id").asString());

        ConsumerRecord<String, String> requested = probe.awaitType("PartsRequested", ticketId, Duration.ofSeconds(30));
        assertThat(requested.value()).contains("PUMP-DRAIN-220");
        assertThat(workOrdersOf(UUID.fromString(ticketId)).get(0).get("productModel").asString()).isEqualTo("WM-X200");
    }
}
