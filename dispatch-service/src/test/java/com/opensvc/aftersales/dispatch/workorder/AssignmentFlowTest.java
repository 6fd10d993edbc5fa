package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * DSP-02 the supervisor's review, the policy per region, the open pool; DSP-04 hand-back; INT-22 main and backup.
 * Each test has its own product line, so only its own technicians qualify for its orders.
 */
@DispatchServiceTest
class AssignmentFlowTest {
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

    /** A ticket of this product line in this region accepted; returns its work order once created. */
    private JsonNode accepted(String productLine, String region, String parts) {
        return accepted(productLine, region, parts, "SERVICE_REQUEST");
    }

    private JsonNode accepted(String productLine, String region, String parts, String kind) {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"%s","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":%s,"priority":"NORMAL","qualityMustReport":false,"kind":"%s","actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), region, productLine, ticketId,
                parts, kind));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        return api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0);
    }

    private JsonNode order(String id) {
        return api.get("/api/dispatch/work-orders/" + id, supervisor).body();
    }

    private ConsumerRecord<String, String> awaitValid(String type, JsonNode order) {
        ConsumerRecord<String, String> event = probe.await(r -> EventProbe.eventType(r).equals(type)
                && r.value().contains(order.get("id").asString()), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        return event;
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    @DisplayName("DSP-02 the supervisor's choice is checked like the proposal: unknown, retired, absent, unskilled, out of region → 400 naming technicianId")
    void DSP02_choiceCheckedAgainstTheProposalsClauses() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        TestTechnicians.create(jdbc, main, line, "NORTH", 5);
        String absent = uniq("tech.sick");
        TestTechnicians.create(jdbc, absent, line, "NORTH", 5);
        jdbc.sql("UPDATE technician SET working_status = 'SICK' WHERE login = :l").param("l", absent).update();
        String retired = uniq("tech.gone");
        TestTechnicians.create(jdbc, retired, line, "NORTH", 5);
        assertThat(api.post("/api/dispatch/technicians/" + retired + "/retirement", body("reason", "left the company"),
                supervisor).status()).isEqualTo(200);
        String south = uniq("tech.south");
        TestTechnicians.create(jdbc, south, line, "SOUTH", 5);
        String unskilled = uniq("tech.washer");
        TestTechnicians.create(jdbc, unskilled, "LAUNDRY", "NORTH", 5);

        JsonNode order = accepted(line, "NORTH", "[]");
        assertThat(order.get("proposedTechnician").asString()).isEqualTo(main);
        String path = "/api/dispatch/work-orders/" + order.get("id").asString() + "/assignment";
        Map<String, String> expected = Map.of("nobody.here", "not a known technician", retired, "RETIRED",
                absent, "ABSENT", unskilled, "SKILL", south, "REGION");
        expected.forEach((login, unmet) -> {
            var refused = api.post(path, body("technicianId", login), supervisor);
            assertThat(refused.status()).as(login).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("technicianId");
            assertThat(refused.body().toString()).contains(unmet);
        });
        assertThat(api.post(path, body("technicianId", main), token(main, "TECHNICIAN")).status())
                .as("a technician does not assign").isEqualTo(403);
        assertThat(order(order.get("id").asString()).get("state").asString()).isEqualTo("NEW");
    }

    @Test
    @DisplayName("DSP-02 INT-22 over capacity only with overrideCapacity and a reason, recorded; main and backup stored and published with the handling")
    void DSP02_capacityOverrideAndBackup() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String second = uniq("tech.b");
        String third = uniq("tech.c");
        TestTechnicians.create(jdbc, main, line, "NORTH", 1);
        TestTechnicians.create(jdbc, second, line, "NORTH", 5);
        TestTechnicians.create(jdbc, third, line, "NORTH", 5);
        JsonNode first = accepted(line, "NORTH", "[]");
        var assigned = api.post("/api/dispatch/work-orders/" + first.get("id").asString() + "/assignment",
                body("technicianId", main, "handling", "PHONE", "backupTechnicianId", third), supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.body().get("backupTechnician").asString()).isEqualTo(third);
        assertThat(assigned.body().get("handling").asString()).isEqualTo("PHONE");
        ConsumerRecord<String, String> event = awaitValid("TechnicianAssigned", first);
        assertThat(event.value()).contains("\"backupTechnicianId\": \"" + third + "\"").contains("\"PHONE\"")
                .contains("\"capacityOverride\": false").contains("\"SUPERVISOR\"");

        JsonNode next = accepted(line, "NORTH", "[]");
        assertThat(next.get("proposedTechnician").asString()).as("main is at capacity (1 of 1)").isNotEqualTo(main);
        String path = "/api/dispatch/work-orders/" + next.get("id").asString() + "/assignment";
        var full = api.post(path, body("technicianId", main), supervisor);
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.body().toString()).contains("technicianId").contains("CAPACITY");
        var noReason = api.post(path, body("technicianId", main, "overrideCapacity", true), supervisor);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("overrideReason");
        assertThat(api.post(path, body("technicianId", main, "backupTechnicianId", main), supervisor).status())
                .as("INT-22 the backup is another person").isEqualTo(400);

        var overridden = api.post(path, body("technicianId", main, "overrideCapacity", true,
                "overrideReason", "VIP customer asked for them"), supervisor);
        assertThat(overridden.status()).as(overridden.body().toString()).isEqualTo(200);
        assertThat(overridden.body().get("handling").asString()).as("default from the service type").isEqualTo("ON_SITE");
        assertThat(overridden.body().get("backupTechnician").asString())
                .as("no default backup: the proposal's runner-up").isIn(second, third);
        assertThat(awaitValid("TechnicianAssigned", next).value()).contains("\"capacityOverride\": true");
        assertThat(jdbc.sql("SELECT action FROM work_order_history WHERE work_order_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", UUID.fromString(next.get("id").asString())).query(String.class).single())
                .contains("over daily capacity: VIP customer asked for them").contains(main);
    }

    @Test
    @DisplayName("DSP-02 DSP-03 the supervisor reassigns an assigned order (today's 409 gone): reason recorded, WorkOrderReassigned; NEW or wrong role refused")
    void DSP02_reassignment() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String other = uniq("tech.b");
        TestTechnicians.create(jdbc, main, line, "NORTH", 5);
        TestTechnicians.create(jdbc, other, line, "NORTH", 5);
        JsonNode order = accepted(line, "NORTH", "[{\"partNumber\":\"CMP-100\",\"quantity\":1}]");
        String id = order.get("id").asString();
        String path = "/api/dispatch/work-orders/" + id + "/reassignment";
        assertThat(api.post(path, body("technicianId", other, "reason", "x"), supervisor).status())
                .as("a NEW order is assigned, not reassigned").isEqualTo(409);
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/assignment", body("technicianId", main), supervisor)
                .status()).isEqualTo(200);
        assertThat(api.post(path, body("technicianId", other, "reason", "x"), token(main, "TECHNICIAN")).status())
                .isEqualTo(403);
        assertThat(api.post(path, body("technicianId", other), supervisor).status()).isEqualTo(400);

        var moved = api.post(path, body("technicianId", other, "reason", "main needed at an urgent site"), supervisor);
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.body().get("technician").asString()).isEqualTo(other);
        assertThat(moved.body().get("state").asString()).isEqualTo("AWAITING_PARTS");
        ConsumerRecord<String, String> reassigned = awaitValid("WorkOrderReassigned", order);
        assertThat(reassigned.value()).contains("\"fromTechnicianId\": \"" + main + "\"")
                .contains("\"toTechnicianId\": \"" + other + "\"").contains("main needed at an urgent site")
                .contains("STORE-NORTH");
        assertThat(api.get("/api/dispatch/work-orders/" + id, token(main, "TECHNICIAN")).status())
                .as("SEC-02 the old technician no longer sees it").isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-04 SEC-02 only the assigned technician hands back: NEW, cleared, proposed anew without them; the next assignment moves the parts")
    void DSP04_handBack() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String other = uniq("tech.b");
        TestTechnicians.create(jdbc, main, line, "NORTH", 5);
        TestTechnicians.create(jdbc, other, line, "NORTH", 5);
        JsonNode order = accepted(line, "NORTH", "[{\"partNumber\":\"CMP-100\",\"quantity\":1}]");
        String id = order.get("id").asString();
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/assignment", body("technicianId", main), supervisor)
                .status()).isEqualTo(200);
        String path = "/api/dispatch/work-orders/" + id + "/hand-back";
        assertThat(api.post(path, body("reason", "x"), token(other, "TECHNICIAN")).status())
                .as("SEC-02 another technician").isEqualTo(403);
        assertThat(api.post(path, body("reason", "x"), supervisor).status()).isEqualTo(403);

        var back = api.post(path, body("reason", "car broke down"), token(main, "TECHNICIAN"));
        assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
        assertThat(back.body().get("state").asString()).isEqualTo("NEW");
        assertThat(back.body().get("technician").isNull()).isTrue();
        assertThat(back.body().get("proposedTechnician").asString()).as("a new proposal without them").isEqualTo(other);
        assertThat(awaitValid("WorkOrderHandedBack", order).value()).contains("car broke down");

        var again = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of(), supervisor);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().get("technician").asString()).isEqualTo(other);
        ConsumerRecord<String, String> reassigned = awaitValid("WorkOrderReassigned", order);
        assertThat(reassigned.value()).contains("\"fromTechnicianId\": \"" + main + "\"");
        List<ConsumerRecord<String, String>> requests = probe.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> EventProbe.eventType(r).equals("PartsRequested") && r.value().contains(id)
                        && r.value().contains(other)).toList();
        assertThat(requests).as("the parts move; they are not requested again").isEmpty();
    }

    @Test
    @DisplayName("DSP-02 a region whose policy is AUTOMATIC assigns the proposal at once, with a backup")
    void DSP02_automaticPolicyPerRegion() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        String backup = uniq("tech.b");
        TestTechnicians.create(jdbc, main, line, "AUTOLAND", 5);
        TestTechnicians.create(jdbc, backup, line, "AUTOLAND", 5);
        jdbc.sql("UPDATE technician SET default_backup = :b WHERE login = :l").param("b", backup).param("l", main)
                .update();
        jdbc.sql("UPDATE technician SET last_assigned_at = now() WHERE login = :l").param("l", backup).update();
        JsonNode order = accepted(line, "AUTOLAND", "[]");
        await().atMost(Duration.ofSeconds(10)).until(() -> order(order.get("id").asString()).get("state").asString()
                .equals("READY"));
        JsonNode assigned = order(order.get("id").asString());
        assertThat(assigned.get("technician").asString()).isEqualTo(main);
        assertThat(assigned.get("backupTechnician").asString()).as("the main one's default backup").isEqualTo(backup);
        assertThat(awaitValid("TechnicianAssigned", order).value()).contains("AUTOMATIC_POLICY");
    }

    @Test
    @DisplayName("DSP-02 under the AUTOMATIC policy a complaint's order waits NEW for the slip's two approvals, then the last approval dispatches it")
    void DSP02_automaticPolicyWaitsForComplaintApprovals() {
        String line = TestTechnicians.productLine();
        String main = uniq("tech.a");
        TestTechnicians.create(jdbc, main, line, "AUTOLAND", 5);
        JsonNode order = accepted(line, "AUTOLAND", "[]", "COMPLAINT");
        String id = order.get("id").asString();
        assertThat(order(id).get("state").asString()).isEqualTo("NEW");
        assertThat(order(id).get("proposedTechnician").asString()).isEqualTo(main);

        assertThat(api.post("/api/dispatch/work-orders/" + id + "/slip-approvals", null, token("qa.wu", "QUALITY"))
                .status()).isEqualTo(200);
        assertThat(order(id).get("state").asString()).as("one approval is not enough").isEqualTo("NEW");
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/slip-approvals", null, token("mgr.sun", "MANAGER"))
                .status()).isEqualTo(200);
        JsonNode dispatched = order(id);
        assertThat(dispatched.get("state").asString()).isEqualTo("READY");
        assertThat(dispatched.get("technician").asString()).isEqualTo(main);
        assertThat(awaitValid("TechnicianAssigned", order).value()).contains("AUTOMATIC_POLICY");
    }

    @Test
    @DisplayName("DSP-02 the open pool: an OPEN_POOL region pools new orders; technicians of the region and skill see them; two claiming at once: one wins, the other 409")
    void DSP02_openPoolConcurrentClaims() throws Exception {
        String line = TestTechnicians.productLine();
        String first = uniq("tech.a");
        String second = uniq("tech.b");
        String elsewhere = uniq("tech.c");
        TestTechnicians.create(jdbc, first, line, "POOLLAND", 5);
        TestTechnicians.create(jdbc, second, line, "POOLLAND", 5);
        TestTechnicians.create(jdbc, elsewhere, line, "NORTH", 5);
        JsonNode order = accepted(line, "POOLLAND", "[]");
        String id = order.get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> !order(id).get("inPoolSince").isNull());

        assertThat(api.get("/api/dispatch/open-pool?size=200", token(first, "TECHNICIAN")).body().get("items")
                .valueStream().map(w -> w.get("id").asString()).toList()).contains(id);
        assertThat(api.get("/api/dispatch/open-pool?size=200", token(elsewhere, "TECHNICIAN")).body().get("items")
                .valueStream().map(w -> w.get("id").asString()).toList()).as("not their region").doesNotContain(id);
        assertThat(api.get("/api/dispatch/open-pool", supervisor).body().get("totalItems").asLong()).isPositive();
        var outsider = api.post("/api/dispatch/work-orders/" + id + "/claim", Map.of(), token(elsewhere, "TECHNICIAN"));
        assertThat(outsider.status()).as("outside the region").isEqualTo(400);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RestApi.Response>> claims = new ArrayList<>();
        for (String claimant : List.of(first, second)) {
            claims.add(pool.submit(() -> {
                start.await();
                return api.post("/api/dispatch/work-orders/" + id + "/claim", Map.of(), token(claimant, "TECHNICIAN"));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<RestApi.Response> claim : claims) {
            statuses.add(claim.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode claimed = order(id);
        assertThat(claimed.get("technician").asString()).isIn(first, second);
        assertThat(claimed.get("inPoolSince").isNull()).isTrue();
        assertThat(awaitValid("TechnicianAssigned", order).value()).contains("POOL_CLAIM");
    }

    @Test
    @DisplayName("DSP-02 the supervisor pools a NEW order of a confirming region; a technician cannot pool")
    void DSP02_supervisorPools() {
        String line = TestTechnicians.productLine();
        String tech = uniq("tech.a");
        TestTechnicians.create(jdbc, tech, line, "NORTH", 5);
        JsonNode order = accepted(line, "NORTH", "[]");
        String path = "/api/dispatch/work-orders/" + order.get("id").asString() + "/pool";
        assertThat(api.post(path, Map.of(), token(tech, "TECHNICIAN")).status()).isEqualTo(403);
        var pooled = api.post(path, Map.of(), supervisor);
        assertThat(pooled.status()).isEqualTo(200);
        assertThat(pooled.body().get("inPoolSince").isNull()).isFalse();
        assertThat(api.post(path, Map.of(), supervisor).status()).isEqualTo(409);
        var claimed = api.post("/api/dispatch/work-orders/" + order.get("id").asString() + "/claim", Map.of(),
                token(tech, "TECHNICIAN"));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("technician").asString()).isEqualTo(tech);
    }
}
