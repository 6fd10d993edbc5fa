package com.opensvc.aftersales.parts.requisition;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * Issue 13, PRT-01, PRT-02: requisitions (automatic on a shortage, or the storekeeper's), the central warehouse's
 * allocations, receiving by packing list against a requisition, and the ledger they write.
 */
@PartsServiceTest
class RequisitionFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Requisitions requisitions;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private final String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");

    // --- fixtures ---------------------------------------------------------------------------------------------

    /** The demo catalogue's three parts under part numbers of this test's own, so the one central warehouse's stock
     * of them is this test's alone. */
    private String cmp, flt, pcb;

    @org.junit.jupiter.api.BeforeEach
    void partsOfThisTest() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        cmp = "CMP-100-" + suffix;
        flt = "FLT-200-" + suffix;
        pcb = "PCB-300-" + suffix;
        jdbc.sql("""
                INSERT INTO part (part_number, description, unit_price, serialised) VALUES
                    (:cmp, 'Rotary compressor 3.2 kW', 1280.00, true), (:flt, 'Air filter set', 45.00, false),
                    (:pcb, 'Indoor unit control board', 390.00, true)
                """).param("cmp", cmp).param("flt", flt).param("pcb", pcb).update();
    }

    /** The central warehouse (there is one), stocked through receipts with this test's parts. */
    private String centralWith(Map<String, Integer> stock) {
        String central = PartsFixture.central(api);
        stock.forEach((part, quantity) -> PartsFixture.receive(api, central, part, quantity));
        return central;
    }

    private void request(UUID ticketId, UUID workOrderId, String technician, String store, String part, int quantity) {
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"%s","quantity":%d}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, technician, store, part, quantity));
    }

    private static List<Map<String, Object>> lines(Object... partsAndQuantities) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < partsAndQuantities.length; i += 2) {
            lines.add(Map.of("partNumber", partsAndQuantities[i], "quantity", partsAndQuantities[i + 1]));
        }
        return lines;
    }

    private RestApi.Response requisition(String kind, String location, List<Map<String, Object>> lines) {
        return api.post("/api/parts/requisitions", Map.of("kind", kind, "location", location, "lines", lines),
                storekeeper);
    }

    private String created(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private RestApi.Response allocate(String requisitionId, String central, String packingList,
                                      List<Map<String, Object>> lines) {
        return api.post("/api/parts/requisitions/" + requisitionId + "/allocations", Map.of("packingList",
                packingList, "from", central, "lines", lines), storekeeper);
    }

    private RestApi.Response receive(String store, String packingList, String requisitionId,
                                     List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>(Map.of("location", store, "reference", packingList, "lines", lines));
        if (requisitionId != null) {
            body.put("requisitionId", requisitionId);
        }
        return api.post("/api/parts/receipts", body, storekeeper);
    }

    private JsonNode read(String requisitionId) {
        var response = api.get("/api/parts/requisitions/" + requisitionId, storekeeper);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, int[]> quantities(JsonNode requisition) {
        Map<String, int[]> byPart = new HashMap<>();
        requisition.get("lines").valueStream().forEach(l -> byPart.put(l.get("partNumber").asString(), new int[] {
                l.get("requested").asInt(), l.get("allocated").asInt(), l.get("received").asInt()}));
        return byPart;
    }

    private static List<String> fields(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private JsonNode replenishmentRequested(String requisitionId, String addedPart) {
        return valid(probe.await(r -> EventProbe.eventType(r).equals("ReplenishmentRequested")
                && r.key().equals(requisitionId) && JSON.readTree(r.value()).get("added").valueStream()
                .anyMatch(l -> l.get("partNumber").asString().equals(addedPart)), HOP));
    }

    // --- tests ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("PRT-01 a shortage raises one automatic REPLENISHMENT requisition per store (ReplenishmentRequested); a second shortage adds to it; allocation and receipt fill the backorder")
    void PRT01_shortageRaisesAReplenishmentRequisition() {
        String store = PartsFixture.newStore(jdbc);
        UUID firstTicket = UUID.randomUUID(), firstOrder = UUID.randomUUID();
        request(firstTicket, firstOrder, "tech.north", store, cmp, 2);
        valid(probe.awaitType("PartsBackordered", firstTicket.toString(), HOP));

        var list = api.get("/api/parts/requisitions?location=" + store + "&kind=REPLENISHMENT", storekeeper).body();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        JsonNode raised = list.get("items").get(0);
        String requisitionId = raised.get("id").asString();
        assertThat(raised.get("origin").asString()).isEqualTo("SHORTAGE");
        assertThat(raised.get("status").asString()).isEqualTo("OPEN");
        assertThat(quantities(raised).get(cmp)).containsExactly(2, 0, 0);
        assertThat(raised.get("demands").get(0).get("workOrderId").asString()).isEqualTo(firstOrder.toString());

        JsonNode event = replenishmentRequested(requisitionId, cmp);
        assertThat(event.get("source").asString()).isEqualTo("SHORTAGE");
        assertThat(event.get("kind").asString()).isEqualTo("REPLENISHMENT");
        assertThat(event.get("location").asString()).isEqualTo(store);
        assertThat(event.get("workOrderId").asString()).isEqualTo(firstOrder.toString());
        assertThat(event.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);

        // a second shortage at the store adds to the same requisition
        UUID secondTicket = UUID.randomUUID(), secondOrder = UUID.randomUUID();
        request(secondTicket, secondOrder, "tech.north2", store, flt, 3);
        valid(probe.awaitType("PartsBackordered", secondTicket.toString(), HOP));
        JsonNode grown = replenishmentRequested(requisitionId, flt);
        assertThat(grown.get("workOrderId").asString()).isEqualTo(secondOrder.toString());
        assertThat(grown.get("lines").valueStream().map(l -> l.get("partNumber").asString() + "x"
                + l.get("quantity").asInt()).toList()).containsExactly(cmp + "x2", flt + "x3");
        assertThat(api.get("/api/parts/requisitions?location=" + store, storekeeper).body().get("totalItems")
                .asLong()).as("one open automatic requisition per store").isEqualTo(1);
        assertThat(quantities(read(requisitionId)).get(flt)).containsExactly(3, 0, 0);

        // the central warehouse allocates, the store receives by the packing list: backorders filled in order
        String central = centralWith(Map.of(cmp, 5, flt, 5));
        var allocated = allocate(requisitionId, central, "PL-R1", lines(cmp, 2, flt, 3));
        assertThat(allocated.status()).as(String.valueOf(allocated.body())).isEqualTo(201);
        assertThat(allocated.body().get("status").asString()).isEqualTo("ALLOCATED");
        var receipt = receive(store, "PL-R1", requisitionId, lines(cmp, 2, flt, 3));
        assertThat(receipt.status()).as(String.valueOf(receipt.body())).isEqualTo(201);
        assertThat(receipt.body().get("requisitionId").asString()).isEqualTo(requisitionId);
        assertThat(receipt.body().get("filled").valueStream().map(f -> f.get("workOrderId").asString()).toList())
                .containsExactly(firstOrder.toString(), secondOrder.toString());
        valid(probe.awaitType("PartsIssued", firstTicket.toString(), HOP));
        valid(probe.awaitType("PartsIssued", secondTicket.toString(), HOP));
        assertThat(read(requisitionId).get("status").asString()).isEqualTo("RECEIVED");

        // the next shortage raises a new requisition: the first one is on its way
        UUID thirdTicket = UUID.randomUUID();
        request(thirdTicket, UUID.randomUUID(), "tech.north", store, pcb, 1);
        valid(probe.awaitType("PartsBackordered", thirdTicket.toString(), HOP));
        assertThat(api.get("/api/parts/requisitions?location=" + store + "&status=OPEN", storekeeper).body()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-01 PRT-02 allocation never exceeds the need (400) nor the central's stock (409); receipt by packing list checks each line; partial receipt → PARTLY_RECEIVED")
    void PRT01_allocationThenReceiptByPackingList() {
        String central = centralWith(Map.of(cmp, 10, flt, 5));
        String store = PartsFixture.newStore(jdbc);
        String other = PartsFixture.newStore(jdbc);
        String id = created(requisition("REPLENISHMENT", store, lines(cmp, 4, flt, 8)));
        JsonNode event = replenishmentRequested(id, cmp);
        assertThat(event.get("source").asString()).isEqualTo("STOREKEEPER");
        assertThat(event.get("actor").asString()).isEqualTo(PartsFixture.STOREKEEPER);

        assertThat(fields(allocate(id, central, "PL-A1", lines(cmp, 5))))
                .as("more than the requisition needs").containsExactly("lines[0].quantity");
        assertThat(fields(allocate(id, central, "PL-A1", lines(flt, 1, pcb, 1))))
                .as("a part not on the requisition").containsExactly("lines[1].partNumber");
        assertThat(fields(allocate(id, store, "PL-A1", lines(cmp, 1)))).containsExactly("from");
        var tooMuch = allocate(id, central, "PL-A1", lines(cmp, 4, flt, 8));
        assertThat(tooMuch.status()).as("the central warehouse has only 5 FLT-200").isEqualTo(409);
        assertThat(PartsFixture.onHand(jdbc, central, cmp)).as("nothing moved").isEqualTo(10);

        var allocated = allocate(id, central, "PL-A1", lines(cmp, 4, flt, 5));
        assertThat(allocated.status()).as(String.valueOf(allocated.body())).isEqualTo(201);
        assertThat(allocated.body().get("status").asString()).isEqualTo("PARTLY_ALLOCATED");
        assertThat(allocated.body().get("allocations").get(0).get("to").asString()).isEqualTo("TRANSIT-" + store);
        assertThat(PartsFixture.onHand(jdbc, central, cmp)).isEqualTo(6);
        assertThat(PartsFixture.onHand(jdbc, "TRANSIT-" + store, cmp)).isEqualTo(4);
        assertThat(allocate(id, central, "PL-A2", lines(flt, 3)).status()).as("central is out of FLT-200")
                .isEqualTo(409);

        // receiving by packing list: each line checked against what was allocated and not yet received
        assertThat(fields(receive(store, "PL-A1", id, lines(cmp, 5)))).containsExactly("lines[0].quantity");
        assertThat(fields(receive(store, "PL-A1", id, lines(cmp, 1, pcb, 1))))
                .containsExactly("lines[1].partNumber");
        assertThat(fields(receive(other, "PL-A1", id, lines(cmp, 1)))).containsExactly("location");
        assertThat(fields(receive(store, "PL-A1", UUID.randomUUID().toString(), lines(cmp, 1))))
                .containsExactly("requisitionId");
        assertThat(PartsFixture.onHand(jdbc, store, cmp)).isZero();

        var partly = receive(store, "PL-A1", id, lines(cmp, 4));
        assertThat(partly.status()).as(String.valueOf(partly.body())).isEqualTo(201);
        JsonNode afterPartly = read(id);
        assertThat(afterPartly.get("status").asString()).isEqualTo("PARTLY_RECEIVED");
        assertThat(quantities(afterPartly).get(cmp)).containsExactly(4, 4, 4);
        assertThat(quantities(afterPartly).get(flt)).containsExactly(8, 5, 0);
        assertThat(PartsFixture.onHand(jdbc, store, cmp)).isEqualTo(4);
        assertThat(PartsFixture.onHand(jdbc, "TRANSIT-" + store, cmp)).isZero();
        Map<String, Object> movement = jdbc.sql("""
                SELECT from_location, reason, actor, reference FROM movement
                 WHERE to_location = :store AND part_number = :part
                """).param("store", store).param("part", cmp).query().singleRow();
        assertThat(movement).containsEntry("from_location", "TRANSIT-" + store).containsEntry("reason", "TRANSFERRED")
                .containsEntry("actor", PartsFixture.STOREKEEPER).containsEntry("reference", "PL-A1");

        assertThat(fields(receive(store, "PL-A1", id, lines(flt, 6)))).as("only 5 allocated")
                .containsExactly("lines[0].quantity");
        assertThat(receive(store, "PL-A1", id, lines(flt, 5)).status()).isEqualTo(201);
        assertThat(read(id).get("status").asString()).as("3 FLT-200 never allocated").isEqualTo("PARTLY_RECEIVED");
        assertThat(api.post("/api/parts/requisitions/" + id + "/cancellation", Map.of(), storekeeper).status())
                .as("stock of it has arrived").isEqualTo(409);
        assertThat(api.get("/api/parts/requisitions?status=PARTLY_RECEIVED&location=" + store, storekeeper).body()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-01 a purchase arrives as RECEIVED in parts (PARTLY_RECEIVED → RECEIVED); is never allocated; only an OPEN requisition is cancelled (409 otherwise)")
    void PRT01_purchaseAndCancellation() {
        String store = PartsFixture.newStore(jdbc);
        String central = centralWith(Map.of(flt, 1));
        String id = created(requisition("PURCHASE", store, lines(pcb, 3)));
        assertThat(allocate(id, central, "PL-X", lines(pcb, 1)).status()).isEqualTo(409);
        assertThat(receive(store, "PO-1", id, lines(pcb, 2)).status()).isEqualTo(201);
        assertThat(read(id).get("status").asString()).isEqualTo("PARTLY_RECEIVED");
        assertThat(fields(receive(store, "PO-2", id, lines(pcb, 2)))).containsExactly("lines[0].quantity");
        assertThat(receive(store, "PO-2", id, lines(pcb, 1)).status()).isEqualTo(201);
        assertThat(read(id).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(receive(store, "PO-3", id, lines(pcb, 1)).status()).as("nothing outstanding")
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE to_location = :s AND reason = 'RECEIVED' AND from_location IS NULL")
                .param("s", store).query(Integer.class).single()).isEqualTo(2);
        assertThat(PartsFixture.onHand(jdbc, store, pcb)).isEqualTo(3);

        // a purchase for the central warehouse; a replenishment only for a store
        assertThat(created(requisition("PURCHASE", central, lines(flt, 100)))).isNotBlank();
        assertThat(fields(requisition("REPLENISHMENT", central, lines(flt, 1)))).containsExactly("location");
        assertThat(fields(requisition("REPLENISHMENT", store, lines("NOPE-1", 1, flt, 1, flt, 2))))
                .containsExactly("lines[0].partNumber", "lines[2].partNumber");

        String open = created(requisition("REPLENISHMENT", store, lines(flt, 2)));
        var cancelled = api.post("/api/parts/requisitions/" + open + "/cancellation", Map.of(), storekeeper);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.post("/api/parts/requisitions/" + open + "/cancellation", Map.of(), storekeeper).status())
                .isEqualTo(409);
        assertThat(allocate(open, central, "PL-Y", lines(flt, 1)).status()).isEqualTo(409);
        assertThat(api.post("/api/parts/requisitions/" + UUID.randomUUID() + "/cancellation", Map.of(), storekeeper)
                .status()).isEqualTo(404);
    }

    @Test
    @DisplayName("PRT-01 a repeated Idempotency-Key returns the same requisition (200) and raises it once")
    void PRT01_idempotencyKey() {
        String store = PartsFixture.newStore(jdbc);
        String key = "req-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("kind", "PURCHASE", "location", store, "supplier", "ACME Compressors",
                "lines", lines(cmp, 2));
        var first = api.post("/api/parts/requisitions", body, storekeeper, Map.of("Idempotency-Key", key));
        var again = api.post("/api/parts/requisitions", body, storekeeper, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(again.body().get("supplier").asString()).isEqualTo("ACME Compressors");
        assertThat(api.get("/api/parts/requisitions?location=" + store, storekeeper).body().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-01 SEC-01 only the storekeeper writes requisitions and allocations; supervisor and manager read; technician 403; no token 401")
    void PRT01_roles() {
        String store = PartsFixture.newStore(jdbc);
        String id = created(requisition("REPLENISHMENT", store, lines(cmp, 1)));
        Map<String, Object> body = Map.of("kind", "PURCHASE", "location", store, "lines", lines(cmp, 1));
        String technician = token("tech.north", "TECHNICIAN");
        assertThat(api.post("/api/parts/requisitions", body, technician).status()).isEqualTo(403);
        assertThat(api.post("/api/parts/requisitions", body, token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(api.post("/api/parts/requisitions/" + id + "/cancellation", Map.of(), technician).status())
                .isEqualTo(403);
        assertThat(api.post("/api/parts/requisitions/" + id + "/allocations", Map.of("packingList", "PL-1",
                "lines", lines(cmp, 1)), technician).status()).isEqualTo(403);
        assertThat(api.get("/api/parts/requisitions/" + id, technician).status()).isEqualTo(403);
        assertThat(api.get("/api/parts/requisitions/" + id, token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(200);
        assertThat(api.get("/api/parts/requisitions?location=" + store, token("mgr.li", "MANAGER")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/parts/requisitions/" + id, null).status()).isEqualTo(401);
        assertThat(read(id).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    @DisplayName("PRT-02 after requisition, allocation, receipt by packing list and transfer, every movement has reason, actor and reference, and on hand is the sum of the ledger")
    void PRT02_ledgerOfRequisitionsAndTransfers() {
        String central = centralWith(Map.of(cmp, 6, flt, 4));
        String store = PartsFixture.newStore(jdbc);
        String other = PartsFixture.newStore(jdbc);
        String id = created(requisition("REPLENISHMENT", store, lines(cmp, 5, flt, 4)));
        assertThat(allocate(id, central, "PL-L1", lines(cmp, 5, flt, 4)).status()).isEqualTo(201);
        assertThat(receive(store, "PL-L1", id, lines(cmp, 3, flt, 4)).status()).isEqualTo(201);
        assertThat(receive(store, "PL-L1", id, lines(cmp, 2)).status()).isEqualTo(201);
        var transfer = api.post("/api/parts/transfers", Map.of("from", store, "to", other, "reason", "balance",
                "lines", lines(cmp, 2)), storekeeper);
        assertThat(transfer.status()).as(String.valueOf(transfer.body())).isEqualTo(201);
        assertThat(receive(other, "PL-unplanned", null, lines(pcb, 1)).status()).isEqualTo(201);

        List<String> locations = List.of(central, store, other, "TRANSIT-" + store);
        List<Map<String, Object>> movements = jdbc.sql("""
                SELECT reason, actor, reference FROM movement
                 WHERE from_location IN (:locations) OR to_location IN (:locations)
                """).param("locations", locations).query().listOfRows();
        assertThat(movements).hasSize(2 + 2 + 3 + 1 + 1);
        assertThat(movements).allSatisfy(m -> {
            assertThat(m.get("reason")).isNotNull();
            assertThat(m.get("actor")).isEqualTo(PartsFixture.STOREKEEPER);
            assertThat(m.get("reference")).isNotNull();
        });
        assertThat(movements).extracting(m -> m.get("reason")).containsOnly("RECEIVED", "ALLOCATED", "TRANSFERRED");

        List<Map<String, Object>> mismatches = jdbc.sql("""
                SELECT s.location, s.part_number, s.on_hand, coalesce(l.balance, 0) AS ledger FROM stock s
                  LEFT JOIN (SELECT location, part_number, sum(quantity) AS balance FROM (
                        SELECT to_location AS location, part_number, quantity FROM movement WHERE to_location IS NOT NULL
                        UNION ALL
                        SELECT from_location, part_number, -quantity FROM movement WHERE from_location IS NOT NULL) m
                        GROUP BY location, part_number) l
                    ON l.location = s.location AND l.part_number = s.part_number
                 WHERE s.location IN (:locations) AND s.on_hand <> coalesce(l.balance, 0)
                """).param("locations", locations).query().listOfRows();
        assertThat(mismatches).as("stock rows whose on hand is not the sum of their ledger movements").isEmpty();
        assertThat(PartsFixture.onHand(jdbc, central, cmp)).isEqualTo(1);
        assertThat(PartsFixture.onHand(jdbc, "TRANSIT-" + store, cmp)).isZero();
        assertThat(PartsFixture.onHand(jdbc, store, cmp)).isEqualTo(3);
        assertThat(PartsFixture.onHand(jdbc, other, cmp)).isEqualTo(2);
        assertThat(read(id).get("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    @DisplayName("PRT-01 PRT-02 concurrent shortages at one store collect into one requisition; concurrent allocations never exceed what it needs")
    void PRT01_concurrentShortagesAndAllocations() throws Exception {
        String store = PartsFixture.newStore(jdbc);
        var inTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Callable<Integer>> shortages = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            shortages.add(() -> inTransaction.execute(status -> {
                requisitions.shortage(new com.opensvc.aftersales.parts.stock.StockShortage(store,
                        List.of(new com.opensvc.aftersales.parts.stock.PartLine(flt, 1)), UUID.randomUUID(),
                        UUID.randomUUID(), UUID.randomUUID(), "system:parts-issue"));
                return 1;
            }));
        }
        for (var done : pool.invokeAll(shortages)) {
            done.get();
        }
        var list = api.get("/api/parts/requisitions?location=" + store, storekeeper).body();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        String id = list.get("items").get(0).get("id").asString();
        assertThat(quantities(read(id)).get(flt)).containsExactly(16, 0, 0);
        assertThat(read(id).get("demands").size()).isEqualTo(16);

        String central = centralWith(Map.of(flt, 40));
        List<java.util.concurrent.Callable<Integer>> allocations = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            allocations.add(() -> allocate(id, central, "PL-C" + n, lines(flt, 1)).status());
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var done : pool.invokeAll(allocations)) {
            statuses.add(done.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(16);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(8);
        assertThat(PartsFixture.onHand(jdbc, central, flt)).isEqualTo(24);
        assertThat(PartsFixture.onHand(jdbc, "TRANSIT-" + store, flt)).isEqualTo(16);
        assertThat(read(id).get("status").asString()).isEqualTo("ALLOCATED");
    }
}
