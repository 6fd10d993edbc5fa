package com.opensvc.aftersales.dispatch.partsalert;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

/** PRT-01, PRT-03: the alerts parts raises on a work order, through parts' events and dispatch's API. */
@DispatchServiceTest
class PartsAlertFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String PARTS = "aftersales.parts.stock";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String manager = token("mgr.qian", "MANAGER");
    private final String south = token("tech.south", "TECHNICIAN");
    private final String north = token("tech.north", "TECHNICIAN");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    /** A SOUTH order expecting {@code parts}, confirmed to tech.south (DSP-02); its id. */
    private String assignedOrder(UUID ticketId, String parts) {
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"SOUTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200",
                 "serialNumber":"SN-%s","expectedParts":%s,"priority":"NORMAL","qualityMustReport":false,
                 "actor":"desk.li","occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), ticketId, parts));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), HOP);
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        var confirmed = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of(), supervisor);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        return id;
    }

    private JsonNode alertsOf(String workOrderId, String token) {
        var response = api.get("/api/dispatch/work-orders/" + workOrderId + "/parts-alerts", token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("items");
    }

    private List<String> listed(String query, String workOrderId) {
        var response = api.get("/api/dispatch/parts-alerts?size=200&" + query, supervisor);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("items").valueStream()
                .filter(a -> a.get("workOrderId").asString().equals(workOrderId))
                .map(a -> a.get("id").asString()).toList();
    }

    private String state(String workOrderId) {
        return api.get("/api/dispatch/work-orders/" + workOrderId, supervisor).body().get("state").asString();
    }

    @Test
    @DisplayName("PRT-01 SEC-02 a refused parts request is an open REQUEST_REJECTED alert on the order (once per event); PartsIssued closes it")
    void PRT01_requestRejectedUntilIssued() {
        UUID ticketId = UUID.randomUUID();
        String id = assignedOrder(ticketId, "[{\"partNumber\":\"CMP-100\",\"quantity\":3}]");
        UUID reservation = UUID.randomUUID();
        String rejected = """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","reservationId":"%s",
                 "fromLocation":"STORE-SOUTH","lines":[{"partNumber":"CMP-100","quantity":3}],
                 "reason":"three compressors for one unit: check the diagnosis","actor":"store.wu",
                 "occurredAt":"2026-11-23T02:00:00Z"}""".formatted(id, ticketId, reservation);
        UUID eventId = UUID.randomUUID();
        sender.send(PARTS, null, ticketId.toString(), "PartsRequestRejected", "parts-service", rejected, eventId);
        sender.send(PARTS, null, ticketId.toString(), "PartsRequestRejected", "parts-service", rejected, eventId);

        JsonNode alerts = await().atMost(HOP).until(() -> alertsOf(id, supervisor), a -> a.size() > 0);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("REQUEST_REJECTED");
        assertThat(alert.get("open").asBoolean()).isTrue();
        assertThat(alert.get("reservationId").asString()).isEqualTo(reservation.toString());
        assertThat(alert.get("fromLocation").asString()).isEqualTo("STORE-SOUTH");
        assertThat(alert.get("lines").get(0).get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(alert.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(alert.get("reason").asString()).startsWith("three compressors");
        assertThat(alert.get("raisedBy").asString()).isEqualTo("store.wu");
        assertThat(alert.get("raisedAt").asString()).isEqualTo("2026-11-23T02:00:00Z");
        assertThat(state(id)).as("the order keeps waiting for parts").isEqualTo("AWAITING_PARTS");

        // SEC-02: the assigned technician sees it; another technician does not; the list is the supervisor's
        assertThat(alertsOf(id, south).size()).isEqualTo(1);
        assertThat(api.get("/api/dispatch/work-orders/" + id + "/parts-alerts", north).status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/parts-alerts?open=true", south).status()).isEqualTo(403);
        assertThat(api.get("/api/dispatch/parts-alerts?open=true", token("desk.li", "FRONT_DESK")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/dispatch/work-orders/" + UUID.randomUUID() + "/parts-alerts", supervisor).status())
                .isEqualTo(404);
        assertThat(listed("open=true&kind=REQUEST_REJECTED", id)).containsExactly(alert.get("id").asString());
        assertThat(listed("open=true&kind=WRITE_OFF_BLOCKED", id)).isEmpty();
        assertThat(api.get("/api/dispatch/parts-alerts?open=true", manager).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM work_order_history WHERE work_order_id = :id"
                        + " AND action LIKE 'PARTS_REQUEST_REJECTED%'").param("id", UUID.fromString(id))
                .query(Long.class).single()).as("SEC-03 on the order's timeline, once").isEqualTo(1);

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "toLocation":"TECH-tech.south","lines":[{"partNumber":"CMP-100","quantity":1}],"complete":true,
                 "actor":"store.wu","occurredAt":"2026-11-23T03:00:00Z"}""".formatted(id, ticketId));
        JsonNode closed = await().atMost(HOP).until(() -> alertsOf(id, supervisor).get(0),
                a -> !a.get("open").asBoolean());
        assertThat(closed.get("closedAt").asString()).isEqualTo("2026-11-23T03:00:00Z");
        assertThat(closed.get("closedBy").asString()).isEqualTo("store.wu");
        assertThat(closed.get("closeReason").asString()).isEqualTo("PARTS_ISSUED");
        assertThat(listed("open=true", id)).isEmpty();
        assertThat(listed("open=false&kind=REQUEST_REJECTED", id)).containsExactly(closed.get("id").asString());
        assertThat(await().atMost(HOP).until(() -> state(id), "READY"::equals)).isEqualTo("READY");
    }

    @Test
    @DisplayName("PRT-03 the technician reports the old part's factory date, RepairClosed carries it (schema-valid); a blocked write-off is one open alert per loan until PartsWrittenOff names the loan")
    void PRT03_writeOffBlockedUntilWrittenOff() {
        UUID ticketId = UUID.randomUUID();
        String id = assignedOrder(ticketId, "[]");
        Map<String, Object> visit = Map.of("outcome", "FIXED", "symptom", "no cooling", "causeCode", "C-COMP-SEIZED",
                "actions", "replaced compressor", "labourMinutes", 95, "customerConfirmation", "SIGNED-4711",
                "partsUsed", List.of(Map.of("partNumber", "CMP-100", "quantity", 1, "newSerial", "CMP-NEW-1",
                        "oldSerial", "CMP-24-000001", "oldFactoryDate", "2024-01-05")));
        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", visit, south);
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        ConsumerRecord<String, String> closed = probe.awaitType("RepairClosed", ticketId.toString(), HOP);
        assertThat(CONTRACTS.validate(EventProbe.header(closed, "ce_type"), closed.value())).isEmpty();
        JsonNode used = JSON.readTree(closed.value()).get("partsUsed").get(0);
        assertThat(used.get("oldFactoryDate").asString()).isEqualTo("2024-01-05");
        assertThat(used.get("oldSerial").asString()).isEqualTo("CMP-24-000001");

        UUID loan = UUID.randomUUID();
        String blocked = """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","loanId":"%s","partNumber":"CMP-100",
                 "quantity":1,"returnedSerial":"%s","returnedFactoryDate":"2024-01-05","reason":"%s",
                 "actor":"store.wu","occurredAt":"%s"}""";
        sender.send(PARTS, ticketId.toString(), "PartsWriteOffBlocked", "parts-service",
                blocked.formatted(id, ticketId, loan, "CMP-24-000001", "MISMATCH", "2026-11-24T02:00:00Z"));
        JsonNode alert = await().atMost(HOP).until(() -> alertsOf(id, supervisor), a -> a.size() > 0).get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("WRITE_OFF_BLOCKED");
        assertThat(alert.get("loanId").asString()).isEqualTo(loan.toString());
        assertThat(alert.get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(alert.get("quantity").asInt()).isEqualTo(1);
        assertThat(alert.get("returnedSerial").asString()).isEqualTo("CMP-24-000001");
        assertThat(alert.get("returnedFactoryDate").asString()).isEqualTo("2024-01-05");
        assertThat(alert.get("reason").asString()).isEqualTo("MISMATCH");
        assertThat(alert.get("timesRaised").asInt()).isEqualTo(1);

        // EVT-04: a second, different event about the same loan updates the open alert, never a second one
        sender.send(PARTS, ticketId.toString(), "PartsWriteOffBlocked", "parts-service",
                blocked.formatted(id, ticketId, loan, "CMP-24-000777", "PART_NOT_IN_PRODUCTION_RECORD",
                        "2026-11-24T05:00:00Z"));
        JsonNode again = await().atMost(HOP).until(() -> alertsOf(id, supervisor),
                a -> a.get(0).get("timesRaised").asInt() == 2);
        assertThat(again.size()).isEqualTo(1);
        assertThat(again.get(0).get("id").asString()).isEqualTo(alert.get("id").asString());
        assertThat(again.get(0).get("returnedSerial").asString()).isEqualTo("CMP-24-000777");
        assertThat(again.get(0).get("lastRaisedAt").asString()).isEqualTo("2026-11-24T05:00:00Z");
        assertThat(again.get(0).get("raisedAt").asString()).isEqualTo("2026-11-24T02:00:00Z");

        // SEC-02: the order's technician sees it on their (completed) order; another technician does not
        assertThat(alertsOf(id, south).get(0).get("loanId").asString()).isEqualTo(loan.toString());
        assertThat(api.get("/api/dispatch/work-orders/" + id + "/parts-alerts", north).status()).isEqualTo(403);
        assertThat(listed("open=true&kind=WRITE_OFF_BLOCKED", id)).containsExactly(alert.get("id").asString());

        // a write-off of another loan, or a line without a loan, clears nothing; the loan's write-off clears it
        sender.send(PARTS, ticketId.toString(), "PartsWrittenOff", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","lines":[
                  {"partNumber":"HOSE-15","quantity":1,"reason":"CONSUMED_UNDER_WARRANTY","loanId":"%s"},
                  {"partNumber":"CMP-100","quantity":1,"reason":"CONSUMED_UNDER_WARRANTY"}],
                 "actor":"store.wu","occurredAt":"2026-11-25T01:00:00Z"}""".formatted(id, ticketId, UUID.randomUUID()));
        sender.send(PARTS, ticketId.toString(), "PartsWrittenOff", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","lines":[
                  {"partNumber":"CMP-100","quantity":1,"reason":"CONSUMED_UNDER_WARRANTY","loanId":"%s",
                   "oldSerial":"CMP-24-000001","oldFactoryDate":"2024-01-05"}],
                 "actor":"store.wu","occurredAt":"2026-11-26T01:00:00Z"}""".formatted(id, ticketId, loan));
        JsonNode cleared = await().atMost(HOP).until(() -> alertsOf(id, supervisor).get(0),
                a -> !a.get("open").asBoolean());
        assertThat(cleared.get("closedAt").asString()).as("the loan's write-off, not the other one")
                .isEqualTo("2026-11-26T01:00:00Z");
        assertThat(cleared.get("closeReason").asString()).isEqualTo("WRITTEN_OFF CONSUMED_UNDER_WARRANTY");
        assertThat(listed("open=true", id)).isEmpty();

        // alerts are kept: never deleted, a closed one never changes
        UUID alertId = UUID.fromString(cleared.get("id").asString());
        for (String statement : List.of("DELETE FROM parts_alert WHERE id = :id",
                "UPDATE parts_alert SET reason = 'edited' WHERE id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(statement).param("id", alertId).update()).as(statement)
                    .hasMessageContaining("parts");
        }
    }
}
