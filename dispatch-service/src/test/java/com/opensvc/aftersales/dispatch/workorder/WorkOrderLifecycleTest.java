package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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

/** Issue 11: every work order finishes — one per acceptance, backorders, holds after an entitlement change. */
@DispatchServiceTest
class WorkOrderLifecycleTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String PARTS = "aftersales.parts.stock";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    @Autowired
    WorkOrderService service;
    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String south = token("tech.south", "TECHNICIAN");

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private static final Map<String, Object> FIXED = Map.of("outcome", "FIXED", "symptom", "no cooling",
            "causeCode", "C-GAS-LOW", "actions", "refilled", "labourMinutes", 30, "customerConfirmation", "SIGNED-1",
            "partsUsed", List.of());

    private UUID accept(UUID ticketId, String parts) {
        return sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service",
                WorkOrderFlowTest.ticketAccepted(ticketId, "SOUTH", parts), UUID.randomUUID());
    }

    private JsonNode orders(UUID ticketId) {
        var response = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("items");
    }

    /** The ticket's work order matching {@code match}, once it is there. */
    private JsonNode awaitOrder(UUID ticketId, Predicate<JsonNode> match) {
        return await().atMost(HOP).until(() -> orders(ticketId).valueStream().filter(match).findFirst().orElse(null),
                o -> o != null);
    }

    private JsonNode order(String id) {
        return api.get("/api/dispatch/work-orders/" + id, supervisor).body();
    }

    private JsonNode awaitState(String id, String state) {
        return await().atMost(HOP).until(() -> order(id), o -> o.get("state").asString().equals(state));
    }

    private String path(String id, String action) {
        return "/api/dispatch/work-orders/" + id + "/" + action;
    }

    private JsonNode confirm(String id) {
        var confirmed = api.post(path(id, "assignment"), Map.of(), supervisor);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        return confirmed.body();
    }

    private ConsumerRecord<String, String> awaitEvent(String type, String workOrderId) {
        ConsumerRecord<String, String> record = probe.await(r -> EventProbe.eventType(r).equals(type)
                && JSON.readTree(r.value()).path("workOrderId").asString().equals(workOrderId), HOP);
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return record;
    }

    private void send(String type, UUID ticketId, String json) {
        sender.send(TICKETS, ticketId.toString(), type, "intake-service", json);
    }

    private static String entitlementChanged(UUID ticketId, boolean quoteRequired) {
        return """
                {"ticketId":"%s","ticketNumber":"T-2026-000777","previousEntitlement":"FREE_REPAIR","entitlement":"PAID",
                 "reason":"NO_PROOF_OF_PURCHASE","quoteRequired":%s,"actor":"desk.li","occurredAt":"2026-11-23T02:00:00Z"}
                """.formatted(ticketId, quoteRequired);
    }

    private static String quote(UUID ticketId, String extra) {
        return """
                {"ticketId":"%s","ticketNumber":"T-2026-000777","quoteId":"%s","revision":1,"total":"120.00",
                 "currency":"EUR",%s"actor":"sup.zhao","occurredAt":"2026-11-23T03:00:00Z"}
                """.formatted(ticketId, UUID.randomUUID(), extra);
    }

    @Test
    @DisplayName("DSP-01 DSP-06 a ticket accepted again after its repair gets a new work order linked to the first; its repair is no first-time fix")
    void DSP01_reacceptedTicketGetsLinkedWorkOrder() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[]");
        String first = awaitOrder(ticketId, o -> true).get("id").asString();
        confirm(first);
        assertThat(api.post(path(first, "visits"), FIXED, south).status()).isEqualTo(200);
        JsonNode firstClosed = JSON.readTree(awaitEvent("RepairClosed", first).value());
        assertThat(firstClosed.get("firstTimeFix").asBoolean()).isTrue();
        assertThat(firstClosed.get("previousWorkOrderId").isNull()).isTrue();

        // reopened (INT-19) and accepted again: a new acceptance event
        UUID again = accept(ticketId, "[]");
        JsonNode second = awaitOrder(ticketId, o -> !o.get("id").asString().equals(first));
        String secondId = second.get("id").asString();
        assertThat(second.get("previousWorkOrderId").asString()).isEqualTo(first);
        assertThat(second.get("acceptanceEventId").asString()).isEqualTo(again.toString());
        assertThat(JSON.readTree(awaitEvent("WorkOrderCreated", secondId).value()).get("previousWorkOrderId").asString())
                .isEqualTo(first);
        // the same acceptance delivered again changes nothing (EVT-04)
        sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service",
                WorkOrderFlowTest.ticketAccepted(ticketId, "SOUTH", "[]"), again);

        confirm(secondId);
        assertThat(api.post(path(secondId, "visits"), FIXED, south).status()).isEqualTo(200);
        JsonNode secondClosed = JSON.readTree(awaitEvent("RepairClosed", secondId).value());
        assertThat(secondClosed.get("firstTimeFix").asBoolean()).as("DSP-01 a repeat order is no first-time fix").isFalse();
        assertThat(secondClosed.get("previousWorkOrderId").asString()).isEqualTo(first);
        assertThat(orders(ticketId).size()).as("one work order per acceptance").isEqualTo(2);
    }

    @Test
    @DisplayName("DSP-01 EVT-04 one acceptance delivered twice at the same moment opens one work order")
    void DSP01_concurrentDuplicateDeliveryOpensOne() throws Exception {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TicketAccepted ticket = new TicketAccepted(ticketId, "T-2026-000888", "ON_SITE", "AIR_CONDITIONER", "AC-3200",
                "SN-" + ticketId, "SOUTH", "FREE_REPAIR", "NORMAL", List.of(), null, null, null, null, "desk.li");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = List.of(
                    deliveries.submit(() -> {
                        start.await();
                        return service.createFor(ticket, eventId).isPresent();
                    }),
                    deliveries.submit(() -> {
                        start.await();
                        return service.createFor(ticket, eventId).isPresent();
                    }));
            start.countDown();
            int opened = 0;
            for (Future<Boolean> result : results) {
                opened += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(opened).isEqualTo(1);
        } finally {
            deliveries.shutdownNow();
        }
        assertThat(orders(ticketId).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("DSP-03 a backorder shows its missing parts and expected date, the order stays AWAITING_PARTS; PartsIssued readies it")
    void DSP03_backorderThenFilled() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[{\"partNumber\":\"CMP-100\",\"quantity\":2}]");
        String id = awaitOrder(ticketId, o -> true).get("id").asString();
        assertThat(confirm(id).get("state").asString()).isEqualTo("AWAITING_PARTS");

        sender.send(PARTS, ticketId.toString(), "PartsBackordered", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "lines":[{"partNumber":"CMP-100","requested":2,"available":0,"expectedDate":"2026-12-09"}],
                 "expectedDate":"2026-12-09","actor":"system:parts-issue","occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(id, ticketId));
        JsonNode waiting = await().atMost(HOP).until(() -> order(id), o -> !o.get("backorder").isNull());
        assertThat(waiting.get("state").asString()).isEqualTo("AWAITING_PARTS");
        assertThat(waiting.get("backorder").get("expectedDate").asString()).isEqualTo("2026-12-09");
        JsonNode line = waiting.get("backorder").get("lines").get(0);
        assertThat(line.get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(line.get("missing").asInt()).isEqualTo(2);
        assertThat(api.post(path(id, "visits"), FIXED, south).status()).as("parts still missing").isEqualTo(409);

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "toLocation":"TECH-tech.south","lines":[{"partNumber":"CMP-100","quantity":2}],
                 "actor":"system:parts-receipts","occurredAt":"2026-12-09T08:00:00Z"}""".formatted(id, ticketId));
        JsonNode ready = awaitState(id, "READY");
        assertThat(ready.get("backorder").isNull()).isTrue();
    }

    @Test
    @DisplayName("INT-07 INT-08 an entitlement change to PAID holds the order: no visit (409), no supervisor release (409); QuoteApproved releases it and RepairClosed reports PAID")
    void INT07_quoteHoldReleasedByApproval() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[]");
        String id = awaitOrder(ticketId, o -> true).get("id").asString();
        confirm(id);

        send("EntitlementChanged", ticketId, entitlementChanged(ticketId, true));
        JsonNode held = awaitState(id, "ON_HOLD");
        assertThat(held.get("entitlement").asString()).isEqualTo("PAID");
        assertThat(held.get("hold").get("heldFrom").asString()).isEqualTo("READY");
        assertThat(held.get("hold").get("forQuote").asBoolean()).isTrue();
        var visit = api.post(path(id, "visits"), FIXED, south);
        assertThat(visit.status()).isEqualTo(409);
        assertThat(visit.body().get("currentState").asString()).isEqualTo("ON_HOLD");
        assertThat(api.post(path(id, "arrival"), Map.of(), south).status()).isEqualTo(409);
        assertThat(api.post(path(id, "release"), Map.of(), south).status()).as("SEC-01 a technician").isEqualTo(403);
        var release = api.post(path(id, "release"), Map.of(), supervisor);
        assertThat(release.status()).as("the hold waits for an approved quote").isEqualTo(409);

        send("QuoteApproved", ticketId, quote(ticketId, "\"paymentTerms\":\"ON_SITE\",\"approvedBy\":\"sup.zhao\","));
        JsonNode released = awaitState(id, "READY");
        assertThat(released.get("hold").isNull()).isTrue();
        assertThat(api.post(path(id, "visits"), FIXED, south).status()).isEqualTo(200);
        assertThat(JSON.readTree(awaitEvent("RepairClosed", id).value()).get("entitlement").asString())
                .as("INT-07 the entitlement in force when the repair closed").isEqualTo("PAID");
    }

    @Test
    @DisplayName("INT-07 a hold that needs no quote is released by the supervisor (ETag), back to the state it was held from")
    void INT07_supervisorReleasesHold() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[]");
        String id = awaitOrder(ticketId, o -> true).get("id").asString();

        send("EntitlementChanged", ticketId, entitlementChanged(ticketId, false));
        assertThat(awaitState(id, "ON_HOLD").get("hold").get("heldFrom").asString()).isEqualTo("NEW");
        assertThat(api.post(path(id, "assignment"), Map.of(), supervisor).status()).as("no assignment while held")
                .isEqualTo(409);
        var released = api.post(path(id, "release"), Map.of(), supervisor);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("state").asString()).isEqualTo("NEW");
        assertThat(released.header("ETag")).isEqualTo("\"" + released.body().get("version").asInt() + "\"");
        assertThat(api.post(path(id, "release"), Map.of(), supervisor).status()).as("not held any more").isEqualTo(409);
        assertThat(confirm(id).get("state").asString()).isEqualTo("READY");
    }

    @Test
    @DisplayName("INT-07 INT-08 a declined quote cancels the held order")
    void INT08_declinedQuoteCancelsHeldOrder() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[]");
        String id = awaitOrder(ticketId, o -> true).get("id").asString();
        confirm(id);
        send("EntitlementChanged", ticketId, entitlementChanged(ticketId, true));
        awaitState(id, "ON_HOLD");

        send("QuoteDeclined", ticketId, quote(ticketId, "\"reason\":\"CUSTOMER_DECLINED\","));
        JsonNode cancelled = awaitState(id, "CANCELLED");
        assertThat(cancelled.get("closedAt").isNull()).isFalse();
        // PRT-03: parts hears of it, to ask for the order's loaned parts back
        assertThat(JSON.readTree(awaitEvent("WorkOrderCancelled", id).value()).get("reason").asString())
                .isEqualTo("QUOTE_DECLINED");
        JsonNode clocks = api.get("/api/dispatch/clocks?workOrderId=" + id, supervisor).body().get("items");
        assertThat(clocks.valueStream().map(c -> c.get("state").asString())).containsOnly("STOPPED");
    }

    @Test
    @DisplayName("SEC-03 the work order history and the visits are append-only in the database: UPDATE and DELETE fail")
    void SEC03_historyIsAppendOnly() {
        UUID ticketId = UUID.randomUUID();
        accept(ticketId, "[]");
        UUID id = UUID.fromString(awaitOrder(ticketId, o -> true).get("id").asString());
        confirm(id.toString());
        assertThat(api.post(path(id.toString(), "visits"), FIXED, south).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM work_order_history WHERE work_order_id = :id").param("id", id)
                .query(Long.class).single()).isPositive();

        for (String statement : List.of("UPDATE work_order_history SET actor = 'someone else' WHERE work_order_id = :id",
                "DELETE FROM work_order_history WHERE work_order_id = :id",
                "UPDATE visit SET technician = 'someone else' WHERE work_order_id = :id",
                "DELETE FROM visit WHERE work_order_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(statement).param("id", id).update())
                    .as(statement).hasMessageContaining("cannot be");
        }
    }

    @Test
    @DisplayName("Paging a huge page of work orders is an empty page, not a 500")
    void paging_hugePageIsEmpty() {
        var page = api.get("/api/dispatch/work-orders?page=2147483647&size=200", supervisor);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items").size()).isZero();
        assertThat(api.get("/api/dispatch/work-orders?size=0", supervisor).status()).isEqualTo(400);
    }
}
