package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** INT-22: while the main technician is absent, their new work goes to the backup. */
@DispatchServiceTest
class AbsenceFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");

    private static String uniq(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 6);
    }

    private JsonNode assignedOrder(String productLine, String main, String backup) {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"NORTH","productLine":"%s","productModel":"AC-3200","serialNumber":"SN-1",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), productLine));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment",
                Map.of("technicianId", main, "backupTechnicianId", backup), supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        return assigned.body();
    }

    private RestApi.Response setStatus(String login, String status) {
        var current = api.get("/api/dispatch/technicians/" + login, supervisor);
        Map<String, Object> body = Map.of("name", login, "productLines", current.body().get("productLines"),
                "regions", current.body().get("regions"), "dailyCapacity", 5, "workingStatus", status,
                "homeStore", "STORE-NORTH");
        return api.put("/api/dispatch/technicians/" + login, body, supervisor,
                Map.of("If-Match", current.header("ETag")));
    }

    private JsonNode order(String id) {
        return api.get("/api/dispatch/work-orders/" + id, supervisor).body();
    }

    @Test
    @DisplayName("INT-22 the main technician falls sick: their orders not yet started go to each order's backup as a reassignment")
    void INT22_absentMainsOrdersGoToTheBackup() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String backup = uniq("tech.b");
        TestTechnicians.create(jdbc, main, line, "NORTH", 5);
        TestTechnicians.create(jdbc, backup, line, "NORTH", 5);
        JsonNode waiting = assignedOrder(line, main, backup);
        JsonNode started = assignedOrder(line, main, backup);
        assertThat(api.post("/api/dispatch/work-orders/" + started.get("id").asString() + "/arrival", Map.of(),
                token(main, "TECHNICIAN")).status()).isEqualTo(200);

        var sick = setStatus(main, "SICK");
        assertThat(sick.status()).as(sick.body().toString()).isEqualTo(200);

        JsonNode moved = order(waiting.get("id").asString());
        assertThat(moved.get("technician").asString()).isEqualTo(backup);
        assertThat(order(started.get("id").asString()).get("technician").asString())
                .as("the technician is on site: it stays").isEqualTo(main);
        ConsumerRecord<String, String> reassigned = probe.await(r -> EventProbe.eventType(r).equals("WorkOrderReassigned")
                && r.value().contains(waiting.get("id").asString()), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(reassigned, "ce_type"), reassigned.value())).isEmpty();
        assertThat(reassigned.value()).contains("main absent (INT-22)").contains("\"toTechnicianId\": \"" + backup + "\"");
    }

    @Test
    @DisplayName("INT-22 an order whose backup is absent too returns to NEW for the supervisor (WorkOrderHandedBack)")
    void INT22_noEligibleBackupReturnsToNew() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String backup = uniq("tech.b");
        TestTechnicians.create(jdbc, main, line, "NORTH", 5);
        TestTechnicians.create(jdbc, backup, line, "NORTH", 5);
        JsonNode order = assignedOrder(line, main, backup);
        assertThat(setStatus(backup, "ON_LEAVE").status()).isEqualTo(200);
        assertThat(setStatus(main, "OFF_DUTY").status()).isEqualTo(200);

        JsonNode back = order(order.get("id").asString());
        assertThat(back.get("state").asString()).isEqualTo("NEW");
        assertThat(back.get("technician").isNull()).isTrue();
        ConsumerRecord<String, String> handedBack = probe.await(r -> EventProbe.eventType(r).equals("WorkOrderHandedBack")
                && r.value().contains(order.get("id").asString()), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(handedBack, "ce_type"), handedBack.value())).isEmpty();
        assertThat(handedBack.value()).contains("main absent (INT-22)");
        assertThat(api.put("/api/dispatch/technicians/" + main, Map.of(), token(main, "TECHNICIAN"),
                Map.of("If-Match", "\"0\"")).status()).as("a technician does not change their status").isEqualTo(403);
    }
}
