package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.json.JsonMapper;

/** DSP-02: a complaint's work order is dispatched only after the quality lead's and a manager's approval. */
@DispatchServiceTest
class SlipApprovalFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    JdbcClient jdbc;

    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String quality = token("qa.wu", "QUALITY");
    private final String manager = token("mgr.sun", "MANAGER");

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private String order(UUID ticketId, String kind) {
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"NORTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":[],"priority":"HIGH","qualityMustReport":true,"kind":"%s","actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), ticketId, kind));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), HOP);
        JsonNode workOrder = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0);
        assertThat(workOrder.get("kind").asString()).isEqualTo(kind);
        return workOrder.get("id").asString();
    }

    private static String path(String id, String tail) {
        return "/api/dispatch/work-orders/" + id + "/" + tail;
    }

    private ConsumerRecord<String, String> approvedEvent(String id, String approval) {
        ConsumerRecord<String, String> record = probe.await(r -> EventProbe.eventType(r).equals("ServiceSlipApproved")
                && JSON.readTree(r.value()).path("workOrderId").asString().equals(id)
                && JSON.readTree(r.value()).path("approval").asString().equals(approval), HOP);
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return record;
    }

    @Test
    @DisplayName("DSP-02 a complaint's order: assignment refused (409, naming the missing approvals) until the quality lead and a manager approved; then allowed")
    void DSP02_assignmentWaitsForBothApprovals() {
        UUID ticketId = UUID.randomUUID();
        String id = order(ticketId, "COMPLAINT");
        var before = api.post(path(id, "assignment"), Map.of(), supervisor);
        assertThat(before.status()).isEqualTo(409);
        assertThat(before.body().toString()).contains("QUALITY_LEAD and MANAGER");
        JsonNode none = api.get(path(id, "slip-approvals"), supervisor).body();
        assertThat(none.get("required").asBoolean()).isTrue();
        assertThat(none.get("missing").valueStream().map(JsonNode::asString)).containsExactly("QUALITY_LEAD", "MANAGER");

        var first = api.post(path(id, "slip-approvals"), null, quality);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("approvals").get(0).get("approval").asString()).isEqualTo("QUALITY_LEAD");
        assertThat(first.body().get("approvals").get(0).get("approver").asString()).isEqualTo("qa.wu");
        ConsumerRecord<String, String> qualityApproved = approvedEvent(id, "QUALITY_LEAD");
        assertThat(qualityApproved.key()).isEqualTo(ticketId.toString());
        assertThat(JSON.readTree(qualityApproved.value()).get("approver").asString()).isEqualTo("qa.wu");
        var stillRefused = api.post(path(id, "assignment"), Map.of(), supervisor);
        assertThat(stillRefused.status()).isEqualTo(409);
        assertThat(stillRefused.body().toString()).contains("approval of MANAGER").doesNotContain("QUALITY_LEAD and");

        var second = api.post(path(id, "slip-approvals"), Map.of(), manager);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("missing").size()).isZero();
        approvedEvent(id, "MANAGER");
        assertThat(api.get("/api/dispatch/work-orders/" + id, supervisor).body().get("state").asString())
                .as("DSP-02 §11 the supervisor still confirms").isEqualTo("NEW");

        var assigned = api.post(path(id, "assignment"), Map.of(), supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.body().get("state").asString()).isEqualTo("READY");
        assertThat(assigned.body().get("slipApprovals").size()).isEqualTo(2);
    }

    @Test
    @DisplayName("DSP-02 the quality lead approves once (second QUALITY → 409); one person cannot give both (409); the front desk → 403")
    void DSP02_approvalRules() {
        String id = order(UUID.randomUUID(), "COMPLAINT");
        assertThat(api.post(path(id, "slip-approvals"), null, token("desk.li", "FRONT_DESK")).status()).isEqualTo(403);
        assertThat(api.post(path(id, "slip-approvals"), null, quality).status()).isEqualTo(200);
        var again = api.post(path(id, "slip-approvals"), null, token("qa.li", "QUALITY"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).contains("qa.wu");
        var samePerson = api.post(path(id, "slip-approvals"), Map.of("approval", "MANAGER"), token("qa.wu", "QUALITY", "MANAGER"));
        assertThat(samePerson.status()).isEqualTo(409);
        assertThat(samePerson.body().toString()).contains("someone else");
        assertThat(api.get(path(id, "slip-approvals"), manager).body().get("approvals").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("DSP-02 an order that serves no complaint needs no approval: assigned at once; approving it → 409")
    void DSP02_otherOrdersNeedNone() {
        String id = order(UUID.randomUUID(), "SERVICE_REQUEST");
        JsonNode approvals = api.get(path(id, "slip-approvals"), supervisor).body();
        assertThat(approvals.get("required").asBoolean()).isFalse();
        assertThat(api.post(path(id, "slip-approvals"), null, quality).status()).isEqualTo(409);
        assertThat(api.post(path(id, "assignment"), Map.of(), supervisor).status()).isEqualTo(200);
    }
}
