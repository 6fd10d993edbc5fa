package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PRT-01, PRT-02: parts requests as reservations — reserve, approve or reject, issue, back-order, fill in order. */
@PartsServiceTest
class ReservationFlowTest {
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);
    private static final String RESERVATIONS = "/api/parts/reservations";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StockService stock;
    @Autowired
    LoanRepository loans;
    @Autowired
    BackorderRepository backorders;
    @Autowired
    ReservationRepository reservations;
    @Autowired
    PartsProperties properties;
    @Autowired
    IdempotencyKeys idempotencyKeys;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;

    private final String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");

    private static Map<String, Object> body(UUID workOrderId, UUID ticketId, String technician, String store,
                                            Map<String, Integer> parts) {
        return Map.of("workOrderId", workOrderId, "ticketId", ticketId, "technicianId", technician,
                "fromLocation", store, "lines", parts.entrySet().stream()
                        .map(e -> Map.of("partNumber", e.getKey(), "quantity", e.getValue())).toList());
    }

    private RestApi.Response reserve(UUID workOrderId, UUID ticketId, String technician, String store,
                                     Map<String, Integer> parts, String as) {
        return api.post(RESERVATIONS, body(workOrderId, ticketId, technician, store, parts), as);
    }

    private JsonNode created(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.body();
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private Map<String, Object> level(String location, String part) {
        return jdbc.sql("""
                SELECT coalesce(sum(on_hand), 0) AS on_hand, coalesce(sum(reserved), 0) AS reserved FROM stock
                 WHERE location = :l AND part_number = :p
                """).param("l", location).param("p", part).query().singleRow();
    }

    private int reserved(String location, String part) {
        return ((Number) level(location, part).get("reserved")).intValue();
    }

    /** Stock rows of these locations whose on hand is not the sum of their ledger movements (PRT-02). */
    private List<Map<String, Object>> ledgerMismatches(List<String> locations) {
        return jdbc.sql("""
                SELECT s.location, s.part_number, s.on_hand, coalesce(l.balance, 0) AS ledger FROM stock s
                  LEFT JOIN (SELECT location, part_number, sum(quantity) AS balance FROM (
                        SELECT to_location AS location, part_number, quantity FROM movement WHERE to_location IS NOT NULL
                        UNION ALL
                        SELECT from_location, part_number, -quantity FROM movement WHERE from_location IS NOT NULL) m
                        GROUP BY location, part_number) l
                    ON l.location = s.location AND l.part_number = s.part_number
                 WHERE s.location IN (:locations) AND s.on_hand <> coalesce(l.balance, 0)
                """).param("locations", locations).query().listOfRows();
    }

    private record Run(List<RestApi.Response> responses, long nanos) {
        double perSecond() {
            return responses.size() / (nanos / 1e9);
        }
    }

    /** Fires the requests together (a start gate) on a 100-thread pool and times them to the last answer. */
    private Run concurrently(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Callable<RestApi.Response>> calls = new ArrayList<>();
            for (Map<String, Object> b : bodies) {
                calls.add(() -> {
                    gate.await();
                    return api.post(RESERVATIONS, b, storekeeper);
                });
            }
            List<Future<RestApi.Response>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            long start = System.nanoTime();
            gate.countDown();
            List<RestApi.Response> responses = new ArrayList<>();
            for (Future<RestApi.Response> f : futures) {
                responses.add(f.get());
            }
            return new Run(responses, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("PRT-02 PRT-01 100 concurrent reservations of one hot part with 10 on hand: exactly 10 issued, 90 back-ordered, never oversold; a receipt of 90 fills them in arrival order")
    void PRT02_hundredConcurrentReservationsNeverOversell() throws Exception {
        // warm-up (connections, JIT) so that neither timed run pays for it
        String scratch = PartsFixture.storeWith(jdbc, api, "FLT-200", 20);
        List<Map<String, Object>> warmUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            warmUp.add(body(UUID.randomUUID(), UUID.randomUUID(), "tech.warm", scratch, Map.of("FLT-200", 1)));
        }
        concurrently(warmUp);
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 10);
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> technicians = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String technician = "tech.hot" + (i % 10);
            technicians.add(technician);
            bodies.add(body(UUID.randomUUID(), UUID.randomUUID(), technician, store, Map.of("CMP-100", 1)));
        }
        // sample the store's stock row in parallel for the whole run: never negative, never more reserved than on hand
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                Map<String, Object> row = level(store, "CMP-100");
                int onHand = ((Number) row.get("on_hand")).intValue();
                int reserved = ((Number) row.get("reserved")).intValue();
                samples.incrementAndGet();
                if (onHand < 0 || reserved > onHand || reserved < 0) {
                    violations.add("on hand " + onHand + ", reserved " + reserved);
                }
                try {
                    Thread.sleep(5);   // one of the pool's connections, not all of the CPU
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        sampler.start();
        Run hot = concurrently(bodies);
        running.set(false);
        sampler.join();

        assertThat(hot.responses()).allSatisfy(r -> assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201));
        List<String> states = hot.responses().stream().map(r -> r.body().get("status").asString()).toList();
        assertThat(states).filteredOn("ISSUED"::equals).hasSize(10);
        assertThat(states).filteredOn("BACKORDERED"::equals).hasSize(90);
        assertThat(violations).as("stock samples during the run (%d taken)", samples.get()).isEmpty();
        assertThat(level(store, "CMP-100")).containsEntry("on_hand", 0L).containsEntry("reserved", 0L);
        List<String> holdings = technicians.stream().distinct().map(StockService::holdingOf).toList();
        List<String> everywhere = new ArrayList<>(holdings);
        everywhere.add(store);
        assertThat(ledgerMismatches(everywhere)).as("PRT-02 ledger sums equal stock").isEmpty();

        // the uncontended rate of the same run: 100 concurrent reservations at 100 different stores
        List<String> stores = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stores.add(PartsFixture.newStore(jdbc));
        }
        ExecutorService receiving = Executors.newFixedThreadPool(8);
        List<Future<?>> received = new ArrayList<>();
        stores.forEach(s -> received.add(receiving.submit(() -> PartsFixture.receive(api, s, "CMP-100", 1))));
        for (Future<?> f : received) {
            f.get();
        }
        receiving.shutdown();
        List<Map<String, Object>> spread = new ArrayList<>();
        for (String s : stores) {
            spread.add(body(UUID.randomUUID(), UUID.randomUUID(), "tech.cool", s, Map.of("CMP-100", 1)));
        }
        Run cool = concurrently(spread);
        assertThat(cool.responses()).allSatisfy(r -> assertThat(r.body().get("status").asString()).isEqualTo("ISSUED"));

        // one receipt of 90 fills all 90 backorders, first come first served: in the order they were created
        List<String> arrival = jdbc.sql("SELECT work_order_id::text FROM backorder WHERE location = :s ORDER BY seq")
                .param("s", store).query(String.class).list();
        assertThat(arrival).hasSize(90);
        var receipt = PartsFixture.receive(api, store, "CMP-100", 90);
        List<String> fills = receipt.body().get("filled").valueStream().map(f -> f.get("workOrderId").asString())
                .toList();
        assertThat(fills).as("fills in arrival order").containsExactlyElementsOf(arrival);
        List<String> issueOrder = jdbc.sql("""
                SELECT work_order_id::text FROM movement WHERE from_location = :s AND reason = 'ISSUE_TO_TECHNICIAN'
                 ORDER BY id
                """).param("s", store).query(String.class).list();
        assertThat(issueOrder.subList(10, 100)).as("the ledger's issues in arrival order").containsExactlyElementsOf(arrival);
        for (String order : arrival.subList(85, 90)) {
            ConsumerRecord<String, String> issued = probe.await(r -> EventProbe.eventType(r).equals("PartsIssued")
                    && r.value().contains(order), HOP);
            JsonNode event = valid(issued);
            assertThat(event.get("complete").asBoolean()).isTrue();
            assertThat(event.get("reservationId").asString()).isNotBlank();
        }
        assertThat(level(store, "CMP-100")).containsEntry("on_hand", 0L).containsEntry("reserved", 0L);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation WHERE location = :s AND status = 'ISSUED'")
                .param("s", store).query(Integer.class).single()).isEqualTo(100);
        assertThat(ledgerMismatches(everywhere)).as("PRT-02 ledger sums equal stock after the fills").isEmpty();

        String figures = String.format(java.util.Locale.ROOT,
                "PRT-02 100 concurrent reservations, one hot part (10 on hand, one store): wall %d ms, %.1f reservations/s;"
                        + " uncontended (100 stores): wall %d ms, %.1f reservations/s; %d stock samples, 0 violations",
                hot.nanos() / 1_000_000, hot.perSecond(), cool.nanos() / 1_000_000, cool.perSecond(), samples.get());
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "prt02-concurrency.txt"), figures + System.lineSeparator());
    }

    @Test
    @DisplayName("PRT-01 SEC-01 a request above the auto-approval limit stays reserved until a storekeeper approves it; supervisors and technicians may not approve")
    void PRT01_aboveTheLimitWaitsForApproval() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 5);
        UUID ticketId = UUID.randomUUID(), workOrderId = UUID.randomUUID();
        // 3 × 1280 = 3840 CNY > 3000
        JsonNode reservation = created(reserve(workOrderId, ticketId, "tech.north", store, Map.of("CMP-100", 3),
                token("sup.zhao", "SUPERVISOR")));
        assertThat(reservation.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(reservation.get("approvalRequired").asBoolean()).isTrue();
        assertThat(reservation.get("value").asDouble()).isEqualTo(3840.0);
        assertThat(level(store, "CMP-100")).as("reserved, not issued").containsEntry("on_hand", 5L)
                .containsEntry("reserved", 3L);
        String id = reservation.get("id").asString();
        String approval = RESERVATIONS + "/" + id + "/approval";

        assertThat(api.post(approval, Map.of(), token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(api.post(approval, Map.of(), token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE work_order_id = :w").param("w", workOrderId)
                .query(Integer.class).single()).as("nothing issued before approval").isZero();

        var approved = api.post(approval, Map.of(), storekeeper);
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("ISSUED");
        assertThat(approved.body().get("decidedBy").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        JsonNode issued = valid(probe.awaitType("PartsIssued", ticketId.toString(), HOP));
        assertThat(issued.get("reservationId").asString()).isEqualTo(id);
        assertThat(issued.get("complete").asBoolean()).isTrue();
        assertThat(issued.get("actor").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        assertThat(level(store, "CMP-100")).containsEntry("on_hand", 2L).containsEntry("reserved", 0L);
        assertThat(PartsFixture.onHand(jdbc, "TECH-tech.north", "CMP-100")).isGreaterThanOrEqualTo(3);

        var again = api.post(approval, Map.of(), storekeeper);
        assertThat(again.status()).as("the state table refuses approving an issued request").isEqualTo(409);
    }

    @Test
    @DisplayName("PRT-01 a storekeeper's rejection releases the reserved stock and publishes PartsRequestRejected")
    void PRT01_rejectionReleases() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 4);
        UUID ticketId = UUID.randomUUID(), workOrderId = UUID.randomUUID();
        JsonNode reservation = created(reserve(workOrderId, ticketId, "tech.north", store, Map.of("CMP-100", 3),
                storekeeper));
        String id = reservation.get("id").asString();
        assertThat(reserved(store, "CMP-100")).isEqualTo(3);
        String rejection = RESERVATIONS + "/" + id + "/rejection";
        assertThat(api.post(rejection, Map.of("reason", "x"), token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);
        var blank = api.post(rejection, Map.of("reason", " "), storekeeper);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        var rejected = api.post(rejection, Map.of("reason", "three compressors for one unit: check the diagnosis"),
                storekeeper);
        assertThat(rejected.status()).as(String.valueOf(rejected.body())).isEqualTo(200);
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(level(store, "CMP-100")).as("available again").containsEntry("on_hand", 4L)
                .containsEntry("reserved", 0L);
        JsonNode event = valid(probe.awaitType("PartsRequestRejected", ticketId.toString(), HOP));
        assertThat(event.get("reservationId").asString()).isEqualTo(id);
        assertThat(event.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(event.get("actor").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        assertThat(api.post(RESERVATIONS + "/" + id + "/approval", Map.of(), storekeeper).status())
                .as("a rejected request cannot be approved").isEqualTo(409);
    }

    @Test
    @DisplayName("PRT-01 WAIT_FOR_ALL (default): the available line stays reserved, nothing issues until the backorder fills, then all of it, complete")
    void PRT01_waitForAll() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 5);
        UUID ticketId = UUID.randomUUID(), workOrderId = UUID.randomUUID();
        JsonNode reservation = created(reserve(workOrderId, ticketId, "tech.north", store,
                Map.of("FLT-200", 2, "PCB-300", 1), storekeeper));
        assertThat(reservation.get("status").asString()).isEqualTo("BACKORDERED");
        JsonNode backordered = valid(probe.awaitType("PartsBackordered", ticketId.toString(), HOP));
        assertThat(backordered.get("lines").valueStream().map(l -> l.get("partNumber").asString()).toList())
                .containsExactly("PCB-300");
        assertThat(reserved(store, "FLT-200")).as("the available line is held for the order").isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE work_order_id = :w").param("w", workOrderId)
                .query(Integer.class).single()).isZero();

        PartsFixture.receive(api, store, "PCB-300", 1);
        JsonNode issued = valid(probe.awaitType("PartsIssued", ticketId.toString(), HOP));
        assertThat(issued.get("complete").asBoolean()).isTrue();
        assertThat(issued.get("lines").valueStream().map(l -> l.get("partNumber").asString()).toList())
                .containsExactlyInAnyOrder("FLT-200", "PCB-300");
        assertThat(api.get(RESERVATIONS + "/" + reservation.get("id").asString(), storekeeper).body().get("status")
                .asString()).isEqualTo("ISSUED");
        assertThat(level(store, "FLT-200")).containsEntry("on_hand", 3L).containsEntry("reserved", 0L);
    }

    @Test
    @DisplayName("PRT-01 ISSUE_AVAILABLE: the available line issues now (complete=false), the rest is back-ordered; the fill issues the rest (complete=true)")
    void PRT01_issueAvailable() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 5);
        // the same service configured with aftersales.parts.issue.partial=ISSUE_AVAILABLE
        IssueService issueAvailable = new IssueService(stock, loans, backorders, reservations, properties,
                new IssueProperties(new java.math.BigDecimal("3000"), Map.of(),
                        IssueProperties.PartialIssue.ISSUE_AVAILABLE), idempotencyKeys, publisher, clock);
        UUID ticketId = UUID.randomUUID(), workOrderId = UUID.randomUUID();
        Reservation partly = transactions.execute(tx -> issueAvailable.request(new PartsRequest(workOrderId, ticketId,
                "tech.north", store, List.of(new PartLine("FLT-200", 2), new PartLine("PCB-300", 1))), "sup.zhao"));
        assertThat(partly.status()).isEqualTo(ReservationState.PARTLY_ISSUED);
        JsonNode first = valid(probe.awaitType("PartsIssued", ticketId.toString(), HOP));
        assertThat(first.get("complete").asBoolean()).isFalse();
        assertThat(first.get("lines").valueStream().map(l -> l.get("partNumber").asString()).toList())
                .containsExactly("FLT-200");
        valid(probe.awaitType("PartsBackordered", ticketId.toString(), HOP));
        assertThat(level(store, "FLT-200")).containsEntry("on_hand", 3L).containsEntry("reserved", 0L);

        PartsFixture.receive(api, store, "PCB-300", 1);
        ConsumerRecord<String, String> rest = probe.await(r -> EventProbe.eventType(r).equals("PartsIssued")
                && r.key().equals(ticketId.toString()) && r.value().contains("PCB-300"), HOP);
        JsonNode second = valid(rest);
        assertThat(second.get("complete").asBoolean()).isTrue();
        assertThat(second.get("lines").valueStream().map(l -> l.get("partNumber").asString()).toList())
                .containsExactly("PCB-300");
        assertThat(api.get(RESERVATIONS + "/" + partly.id(), storekeeper).body().get("status").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    @DisplayName("PRT-01 a newer request for the same work order supersedes the waiting one and releases its stock")
    void PRT01_newerRequestSupersedes() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 5);
        UUID ticketId = UUID.randomUUID(), workOrderId = UUID.randomUUID();
        JsonNode old = created(reserve(workOrderId, ticketId, "tech.north", store, Map.of("FLT-200", 2, "PCB-300", 1),
                storekeeper));
        assertThat(reserved(store, "FLT-200")).isEqualTo(2);
        JsonNode newer = created(reserve(workOrderId, ticketId, "tech.north", store, Map.of("FLT-200", 1),
                storekeeper));
        assertThat(newer.get("status").asString()).isEqualTo("ISSUED");
        assertThat(api.get(RESERVATIONS + "/" + old.get("id").asString(), storekeeper).body().get("status").asString())
                .isEqualTo("SUPERSEDED");
        assertThat(level(store, "FLT-200")).containsEntry("on_hand", 4L).containsEntry("reserved", 0L);
        assertThat(jdbc.sql("SELECT status FROM backorder WHERE work_order_id = :w").param("w", workOrderId)
                .query(String.class).list()).containsExactly("SUPERSEDED");
    }

    @Test
    @DisplayName("PRT-01 SEC-02 a technician reads only their own reservations; the list filters; a repeated Idempotency-Key reserves once")
    void SEC02_technicianReadsOwnReservations() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 5);
        UUID workOrderId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body(workOrderId, UUID.randomUUID(), "tech.own", store, Map.of("FLT-200", 1));
        var first = api.post(RESERVATIONS, request, storekeeper, Map.of("Idempotency-Key", key));
        var again = api.post(RESERVATIONS, request, storekeeper, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(level(store, "FLT-200")).containsEntry("on_hand", 4L);
        String id = first.body().get("id").asString();

        String own = token("tech.own", "TECHNICIAN");
        String other = token("tech.other", "TECHNICIAN");
        assertThat(api.get(RESERVATIONS + "/" + id, own).status()).isEqualTo(200);
        assertThat(api.get(RESERVATIONS + "/" + id, other).status()).isEqualTo(404);
        assertThat(api.get(RESERVATIONS + "?technicianId=tech.own", other).status()).isEqualTo(403);
        var mine = api.get(RESERVATIONS + "?workOrderId=" + workOrderId, own).body();
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get(RESERVATIONS + "?workOrderId=" + workOrderId, other).body().get("totalItems").asLong())
                .isZero();
        assertThat(api.post(RESERVATIONS, request, own).status()).as("technicians do not reserve at the counter")
                .isEqualTo(403);
        var byStore = api.get(RESERVATIONS + "?location=" + store + "&status=ISSUED", token("boss", "MANAGER"));
        assertThat(byStore.status()).isEqualTo(200);
        assertThat(byStore.body().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("PRT-01 bad requests name the field: unknown store, unknown or repeated part, fractional quantity")
    void PRT01_badRequestsAreNamed() {
        String store = PartsFixture.newStore(jdbc);
        var unknown = api.post(RESERVATIONS, Map.of("workOrderId", UUID.randomUUID(), "ticketId", UUID.randomUUID(),
                "technicianId", "tech.north", "fromLocation", "STORE-NOWHERE", "lines",
                List.of(Map.of("partNumber", "NOPE-1", "quantity", 1), Map.of("partNumber", "NOPE-1", "quantity", 1))),
                storekeeper);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("fromLocation", "lines[0].partNumber", "lines[1].partNumber");
        var fraction = api.post(RESERVATIONS, Map.of("workOrderId", UUID.randomUUID(), "ticketId", UUID.randomUUID(),
                "technicianId", "tech.north", "fromLocation", store, "lines",
                List.of(Map.of("partNumber", "FLT-200", "quantity", 1.5))), storekeeper);
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.body().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
    }
}
