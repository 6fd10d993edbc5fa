package com.opensvc.aftersales.parts.receipt;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PRT-01, PRT-02: the storekeeper receives stock; backorders are filled first come, first served. */
@PartsServiceTest
class ReceiptFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReceiptService receipts;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private final String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");

    private void request(UUID ticketId, UUID workOrderId, String technician, String store, String part, int quantity) {
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"%s","quantity":%d}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, technician, store, part, quantity));
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private List<String> loanStatuses(UUID workOrderId) {
        var loans = api.get("/api/parts/loans?workOrderId=" + workOrderId, storekeeper);
        assertThat(loans.status()).isEqualTo(200);
        return loans.body().get("items").valueStream().map(l -> l.get("status").asString()).toList();
    }

    private static List<String> fields(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-01 DSP-03 backorders are filled first come, first served: stock for one fills the older, one PartsIssued")
    void PRT01_firstComeFirstServed() {
        String store = PartsFixture.newStore(jdbc);
        UUID olderTicket = UUID.randomUUID(), olderOrder = UUID.randomUUID();
        UUID newerTicket = UUID.randomUUID(), newerOrder = UUID.randomUUID();
        request(olderTicket, olderOrder, "tech.north", store, "CMP-100", 2);
        JsonNode older = valid(probe.awaitType("PartsBackordered", olderTicket.toString(), HOP));
        request(newerTicket, newerOrder, "tech.north2", store, "CMP-100", 2);
        JsonNode newer = valid(probe.awaitType("PartsBackordered", newerTicket.toString(), HOP));

        LocalDate expected = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        assertThat(older.get("expectedDate").asString()).as("DSP-03 the configured 7 days' lead time")
                .isEqualTo(expected.toString());
        assertThat(older.get("lines").get(0).get("expectedDate").asString()).isEqualTo(expected.toString());
        assertThat(older.get("lines").get(0).get("available").asInt()).isZero();
        var open = api.get("/api/parts/backorders?location=" + store + "&status=OPEN", storekeeper).body();
        assertThat(open.get("totalItems").asLong()).isEqualTo(2);
        assertThat(open.get("items").get(0).get("workOrderId").asString()).isEqualTo(olderOrder.toString());

        // stock for one of them (and a part nobody waits for)
        var receipt = api.post("/api/parts/receipts", Map.of("location", store, "reference", "PO-4711",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 3), Map.of("partNumber", "FLT-200",
                        "quantity", 10))), storekeeper);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().get("filled").valueStream().map(f -> f.get("workOrderId").asString()).toList())
                .containsExactly(olderOrder.toString());

        JsonNode issued = valid(probe.awaitType("PartsIssued", olderTicket.toString(), HOP));
        assertThat(issued.get("workOrderId").asString()).isEqualTo(olderOrder.toString());
        assertThat(issued.get("toLocation").asString()).isEqualTo("TECH-tech.north");
        assertThat(issued.get("actor").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        assertThat(loanStatuses(olderOrder)).containsExactly("ON_LOAN");
        assertThat(loanStatuses(newerOrder)).isEmpty();
        assertThat(PartsFixture.onHand(jdbc, store, "CMP-100")).isEqualTo(1);
        probe.drain(Duration.ofSeconds(2));
        assertThat(probe.drain(Duration.ZERO)).filteredOn(r -> EventProbe.eventType(r).equals("PartsIssued"))
                .filteredOn(r -> r.key().equals(newerTicket.toString())).isEmpty();

        // the next receipt fills the newer one
        PartsFixture.receive(api, store, "CMP-100", 1);
        valid(probe.awaitType("PartsIssued", newerTicket.toString(), HOP));
        assertThat(loanStatuses(newerOrder)).containsExactly("ON_LOAN");
        assertThat(PartsFixture.onHand(jdbc, store, "CMP-100")).isZero();
        assertThat(api.get("/api/parts/backorders?location=" + store + "&status=OPEN", storekeeper).body()
                .get("totalItems").asLong()).isZero();
        assertThat(api.get("/api/parts/backorders?workOrderId=" + olderOrder, storekeeper).body().get("items").get(0)
                .get("status").asString()).isEqualTo("FILLED");
    }

    @Test
    @DisplayName("PRT-01 PRT-02 a receipt is a RECEIVED ledger movement per line, with the storekeeper and the packing list")
    void PRT02_receiptIsALedgerMovement() {
        String store = PartsFixture.newStore(jdbc);
        var receipt = api.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-2026-0042",
                "lines", List.of(Map.of("partNumber", "PCB-300", "quantity", 5), Map.of("partNumber", "FLT-200",
                        "quantity", 12))), storekeeper);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().get("receivedBy").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        assertThat(receipt.header("Location")).isEqualTo("/api/parts/receipts/" + receipt.body().get("id").asString());

        List<Map<String, Object>> movements = jdbc.sql("""
                SELECT part_number, from_location, quantity, reason, actor, reference FROM movement
                 WHERE to_location = :store ORDER BY part_number
                """).param("store", store).query().listOfRows();
        assertThat(movements).hasSize(2);
        assertThat(movements.get(0)).containsEntry("part_number", "FLT-200").containsEntry("quantity", 12)
                .containsEntry("reason", "RECEIVED").containsEntry("actor", PartsFixture.STOREKEEPER)
                .containsEntry("reference", "PL-2026-0042").containsEntry("from_location", null);
        assertThat(movements.get(1)).containsEntry("part_number", "PCB-300").containsEntry("quantity", 5);
        assertThat(PartsFixture.onHand(jdbc, store, "PCB-300")).isEqualTo(5);

        var read = api.get("/api/parts/receipts/" + receipt.body().get("id").asString(), storekeeper);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("reference").asString()).isEqualTo("PL-2026-0042");
    }

    @Test
    @DisplayName("PRT-01 SEC-01 only the storekeeper receives; unknown parts and locations are named (400), nothing moves")
    void PRT01_rolesAndValidation() {
        String store = PartsFixture.newStore(jdbc);
        Map<String, Object> body = Map.of("location", store, "reference", "PL-1",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 1)));
        assertThat(api.post("/api/parts/receipts", body, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.post("/api/parts/receipts", body, token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);

        assertThat(fields(api.post("/api/parts/receipts", Map.of("location", "STORE-NOWHERE", "reference", "PL-1",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 1))), storekeeper)))
                .containsExactly("location");
        assertThat(fields(api.post("/api/parts/receipts", Map.of("location", "TECH-tech.north", "reference", "PL-1",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 1))), storekeeper)))
                .as("a technician's holding is not a store").containsExactly("location");
        assertThat(fields(api.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-1",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 1), Map.of("partNumber", "NOPE-1",
                        "quantity", 1), Map.of("partNumber", "CMP-100", "quantity", 2))), storekeeper)))
                .containsExactly("lines[1].partNumber", "lines[2].partNumber");
        assertThat(fields(api.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-1",
                "lines", List.of(Map.of("partNumber", "CMP-100", "quantity", 2.5))), storekeeper)))
                .containsExactly("lines[0].quantity");
        assertThat(PartsFixture.onHand(jdbc, store, "CMP-100")).isZero();
    }

    @Test
    @DisplayName("PRT-01 a repeated Idempotency-Key returns the same receipt and receives once")
    void PRT01_idempotencyKey() {
        String store = PartsFixture.newStore(jdbc);
        Map<String, Object> body = Map.of("location", store, "reference", "PL-7",
                "lines", List.of(Map.of("partNumber", "FLT-200", "quantity", 4)));
        String key = UUID.randomUUID().toString();
        var first = api.post("/api/parts/receipts", body, storekeeper, Map.of("Idempotency-Key", key));
        var again = api.post("/api/parts/receipts", body, storekeeper, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(PartsFixture.onHand(jdbc, store, "FLT-200")).isEqualTo(4);
    }

    @Test
    @DisplayName("PRT-02 receipts racing each other and new requests never oversell and never fill a backorder twice")
    void PRT02_concurrentReceiptsAndRequests() throws Exception {
        String store = PartsFixture.newStore(jdbc);
        int orders = 8;
        List<UUID> workOrders = new ArrayList<>();
        List<Callable<Object>> work = new ArrayList<>();
        // half the requests wait as backorders before any stock arrives
        for (int i = 0; i < orders / 2; i++) {
            UUID ticket = UUID.randomUUID(), order = UUID.randomUUID();
            workOrders.add(order);
            request(ticket, order, "tech.south", store, "PCB-300", 1);
            probe.awaitType("PartsBackordered", ticket.toString(), HOP);
        }
        // then 4 receipts of 2 race each other and 4 more requests: exactly 8 in, 8 wanted
        for (int i = 0; i < orders / 2; i++) {
            UUID ticket = UUID.randomUUID(), order = UUID.randomUUID();
            workOrders.add(order);
            work.add(() -> {
                request(ticket, order, "tech.south", store, "PCB-300", 1);
                return null;
            });
            work.add(() -> receipts.receive(new ReceiptInput(store, "PL-race", List.of(new ReceiptInput.Line("PCB-300",
                    java.math.BigDecimal.valueOf(2)))), null, PartsFixture.STOREKEEPER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Future<Object> f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();

        for (UUID order : workOrders) {
            org.awaitility.Awaitility.await().atMost(HOP).until(() -> loanStatuses(order).size() == 1);
        }
        probe.drain(Duration.ofSeconds(2));
        assertThat(workOrders).allSatisfy(order -> assertThat(loanStatuses(order)).as("issued exactly once")
                .containsExactly("ON_LOAN"));
        assertThat(PartsFixture.onHand(jdbc, store, "PCB-300")).isZero();
        int issuedFromStore = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM movement WHERE from_location = :s")
                .param("s", store).query(Integer.class).single();
        assertThat(issuedFromStore).isEqualTo(orders);
        assertThat(jdbc.sql("SELECT count(*) FROM backorder WHERE location = :s AND status = 'OPEN'")
                .param("s", store).query(Integer.class).single()).isZero();
    }
}
