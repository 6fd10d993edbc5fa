package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** REV-01 end to end within revisit: RepairClosed in, exactly one published decision per completed work order out. */
@RevisitServiceTest
class RevisitDecisionFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    /** revisit.yml's default: 10 %. */
    private static final double RATE = 0.10;
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DECISIONS = Set.of("RevisitScheduled", "RevisitNotRequired");

    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    private EventSender sender;

    private record Order(UUID ticketId, UUID workOrderId, String technician, UUID previous, Instant closedAt) {
        String json() {
            return """
                    {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","productModel":"AC-3200",
                     "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                     "causeCode":"C-1","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":%s,
                     "customerConfirmation":"SIGNED","previousWorkOrderId":%s,"actor":"%s","occurredAt":"%s"}"""
                    .formatted(workOrderId, ticketId, technician, previous == null, previous == null ? "null" : "\"" + previous + "\"",
                            technician, closedAt);
        }
    }

    private static UUID workOrderId(boolean sampled) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (HappyCallSampling.sampled(id, RATE) != sampled);
        return id;
    }

    private static Order order(String technician, boolean sampled, UUID previous, Instant closedAt) {
        return new Order(UUID.randomUUID(), workOrderId(sampled), technician, previous, closedAt);
    }

    private UUID send(Order order) {
        return sender.send(WORK_ORDERS, order.ticketId().toString(), "RepairClosed", "dispatch-service", order.json());
    }

    private static String newTechnician() {
        return "tech.rev01-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every decision published so far, by work order, each checked against its schema and keyed by its ticket. */
    private Map<UUID, List<JsonNode>> decisionsSeen(Duration quiet) {
        Map<UUID, List<JsonNode>> byWorkOrder = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : probe.drain(quiet)) {
            if (!DECISIONS.contains(EventProbe.eventType(record))) {
                continue;
            }
            JsonNode body = JSON.readTree(record.value());
            if (body.get("workOrderId") == null || body.get("workOrderId").isNull()) {
                continue;   // a complaint revisit
            }
            assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
            assertThat(record.key()).isEqualTo(body.get("ticketId").asString());
            ((tools.jackson.databind.node.ObjectNode) body).put("type", EventProbe.eventType(record));
            byWorkOrder.computeIfAbsent(UUID.fromString(body.get("workOrderId").asString()), k -> new ArrayList<>())
                    .add(body);
        }
        return byWorkOrder;
    }

    private Map<UUID, List<JsonNode>> awaitDecisions(Collection<UUID> workOrders) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> decisionsSeen(Duration.ofMillis(300)), seen -> seen.keySet().containsAll(workOrders));
    }

    private JsonNode decisionOf(UUID workOrderId, String token) {
        var response = api.get("/api/revisit/decisions?workOrderId=" + workOrderId, token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(1);
        return response.body().get("items").get(0);
    }

    @Test
    @DisplayName("REV-01 EVT-04 every completed work order gets exactly one decision, the sampling function's at 10 % or a repeat repair; no first-of-month call; a redelivery adds nothing")
    void REV01_everyCompletedWorkOrderGetsExactlyOneDecision() {
        String technician = newTechnician();
        Instant october = Instant.parse("2026-10-14T03:00:00Z");

        // the technician's first completed work order of the month is not called unless sampled (no inflation)
        Order first = order(technician, false, null, october);
        UUID firstEventId = send(first);
        JsonNode firstDecision = awaitDecisions(List.of(first.workOrderId())).get(first.workOrderId()).get(0);
        assertThat(firstDecision.get("type").asString()).isEqualTo("RevisitNotRequired");
        assertThat(firstDecision.get("reason").asString()).isEqualTo("NOT_SAMPLED");

        // a sampled one is due 7 days after completion
        Order sampled = order(technician, true, null, october.plus(Duration.ofHours(2)));
        send(sampled);
        JsonNode sampledDecision = awaitDecisions(List.of(sampled.workOrderId())).get(sampled.workOrderId()).get(0);
        assertThat(sampledDecision.get("type").asString()).isEqualTo("RevisitScheduled");
        assertThat(sampledDecision.get("selection").asString()).isEqualTo("SAMPLED");
        assertThat(Instant.parse(sampledDecision.get("dueBy").asString()))
                .isEqualTo(sampled.closedAt().plus(Duration.ofDays(7)));

        // many more of the same technician's month; a repeat repair (DSP-01) that is not sampled
        List<Order> bulk = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bulk.add(new Order(UUID.randomUUID(), UUID.randomUUID(), technician, null, october.plusSeconds(60L * i)));
        }
        Order repeat = order(technician, false, first.workOrderId(), october.plus(Duration.ofDays(3)));
        bulk.forEach(this::send);
        send(repeat);
        // redelivered: the same event again, and the same work order in a new event
        sender.send(WORK_ORDERS, null, first.ticketId().toString(), "RepairClosed", "dispatch-service", first.json(),
                firstEventId);
        send(bulk.get(0));
        send(sampled);

        List<UUID> all = new ArrayList<>(bulk.stream().map(Order::workOrderId).toList());
        all.add(first.workOrderId());
        all.add(repeat.workOrderId());
        awaitDecisions(all);
        Map<UUID, List<JsonNode>> decisions = decisionsSeen(Duration.ofSeconds(3));
        for (UUID workOrder : all) {
            assertThat(decisions.get(workOrder)).as("decisions of " + workOrder).hasSize(1);
        }
        assertThat(decisions.get(sampled.workOrderId())).as("no second decision for a redelivery").hasSize(1);

        // the bulk's decisions are exactly the sampling function's; the share is plausible for 10 %
        long scheduled = 0;
        for (Order order : bulk) {
            JsonNode decision = decisions.get(order.workOrderId()).get(0);
            if (HappyCallSampling.sampled(order.workOrderId(), RATE)) {
                scheduled++;
                assertThat(decision.get("type").asString()).isEqualTo("RevisitScheduled");
                assertThat(decision.get("selection").asString()).isEqualTo("SAMPLED");
            } else {
                assertThat(decision.get("type").asString()).isEqualTo("RevisitNotRequired");
                assertThat(decision.get("reason").asString()).isEqualTo("NOT_SAMPLED");
                assertThat(decision.get("samplingRate").asDouble()).isEqualTo(RATE);
                assertThat(decision.get("technicianId").asString()).isEqualTo(technician);
            }
        }
        assertThat(scheduled / (double) bulk.size()).as("sampled share").isBetween(0.02, 0.25);

        JsonNode repeatDecision = decisions.get(repeat.workOrderId()).get(0);
        assertThat(repeatDecision.get("type").asString()).isEqualTo("RevisitScheduled");
        assertThat(repeatDecision.get("selection").asString()).isEqualTo("REPEAT_REPAIR");

        // the audit shows each decision with its inputs, so anyone can recompute it
        String manager = token("mgr.zhou", "MANAGER");
        JsonNode audited = decisionOf(first.workOrderId(), manager);
        assertThat(audited.get("decision").asString()).isEqualTo("NOT_REQUIRED");
        assertThat(audited.get("reason").asString()).isEqualTo("NOT_SAMPLED");
        assertThat(audited.get("hashValue").asDouble()).isEqualTo(HappyCallSampling.value(first.workOrderId()));
        assertThat(audited.get("hashValue").asDouble()).isGreaterThanOrEqualTo(audited.get("samplingRate").asDouble());
        assertThat(audited.get("samplingRate").asDouble()).isEqualTo(RATE);
        assertThat(audited.get("month").asString()).isEqualTo("2026-10");
        JsonNode auditedSampled = decisionOf(sampled.workOrderId(), manager);
        assertThat(auditedSampled.get("reason").asString()).isEqualTo("SAMPLED");
        assertThat(auditedSampled.get("hashValue").asDouble()).isLessThan(RATE);
        assertThat(auditedSampled.get("revisitId").asString()).isEqualTo(sampledDecision.get("revisitId").asString());
        JsonNode auditedRepeat = decisionOf(repeat.workOrderId(), token("dir.wang", "SERVICE_DIRECTOR"));
        assertThat(auditedRepeat.get("previousWorkOrderId").asString()).isEqualTo(first.workOrderId().toString());
        assertThat(auditedRepeat.get("reason").asString()).isEqualTo("REPEAT_REPAIR");
        var byTicket = api.get("/api/revisit/decisions?ticketId=" + bulk.get(5).ticketId(), token("agent.he", "REVISIT_AGENT"));
        assertThat(byTicket.body().get("items").get(0).get("workOrderId").asString())
                .isEqualTo(bulk.get(5).workOrderId().toString());
        assertThat(api.get("/api/revisit/decisions?ticketId=" + first.ticketId(), token("tech.north", "TECHNICIAN")).status())
                .isEqualTo(403);
        // one happy call per scheduled decision, none for the rest
        String agent = token("agent.he", "REVISIT_AGENT");
        assertThat(api.get("/api/revisit/revisits?ticketId=" + sampled.ticketId(), agent).body().size()).isEqualTo(1);
        assertThat(api.get("/api/revisit/revisits?ticketId=" + first.ticketId(), agent).body().size()).isZero();
    }

    @Test
    @DisplayName("REV-01 deterministic: the decisions published for N work orders are the sampling function's, whatever their technician, month or order of arrival")
    void REV01_publishedDecisionsAreTheFunctions() {
        List<Order> orders = new ArrayList<>();
        // 17:30 UTC on 30 September is 01:30 on 1 October in the company's zone (Asia/Shanghai)
        Instant october1 = Instant.parse("2026-09-30T17:30:00Z");
        for (int i = 0; i < 60; i++) {
            orders.add(new Order(UUID.randomUUID(), UUID.randomUUID(), i % 2 == 0 ? newTechnician() : "tech.shared-"
                    + (i % 3), null, october1.plusSeconds(3600L * i)));
        }
        orders.reversed().forEach(this::send);
        Map<UUID, List<JsonNode>> decisions = awaitDecisions(orders.stream().map(Order::workOrderId).toList());
        for (Order order : orders) {
            JsonNode decision = decisions.get(order.workOrderId()).get(0);
            assertThat(decision.get("type").asString()).as(order.workOrderId().toString()).isEqualTo(
                    HappyCallSampling.sampled(order.workOrderId(), RATE) ? "RevisitScheduled" : "RevisitNotRequired");
        }
        String agent = token("agent.he", "REVISIT_AGENT");
        JsonNode first = decisionOf(orders.getFirst().workOrderId(), agent);
        assertThat(first.get("month").asString()).isEqualTo("2026-10");
    }
}
