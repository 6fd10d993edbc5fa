package com.opensvc.aftersales.parts.planning;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PRT-06 on the embedded platform: plans through the API, stock moved by the stock feature's own movements and
 * reservations, {@code StockBelowMinimum} read back from Kafka. "Nothing published" is proven by order: a plan's
 * events share a key, so when a later crossing's event has arrived every earlier one has too.
 */
@PartsServiceTest
class PlanningFlowTest {
    private static final Duration HOP = Duration.ofSeconds(30);
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PART = "FLT-200";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StockService stock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;

    private final String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");

    private RestApi.Response setPlan(String store, int safety, int minimum, int maximum, String ifMatch) {
        return api.put("/api/parts/plans/" + store + "/" + PART,
                Map.of("safetyStock", safety, "minimum", minimum, "maximum", maximum), storekeeper,
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** Stock leaves the store (a transfer to a store of its own), in a transaction as every caller's is. */
    private void take(String store, String elsewhere, int quantity) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> stock.move(new PartLine(PART, quantity),
                store, elsewhere, MovementReason.TRANSFERRED,
                new StockService.Reference(null, null, PartsFixture.STOREKEEPER, clock.instant())));
    }

    private JsonNode plan(String store) {
        RestApi.Response plan = api.get("/api/parts/plans/" + store + "/" + PART, token("sup.zhao", "SUPERVISOR"));
        assertThat(plan.status()).as(String.valueOf(plan.body())).isEqualTo(200);
        return plan.body();
    }

    private static String key(String store) {
        return StockBelowMinimum.planKey(store, PART).toString();
    }

    /** Waits for the plan's {@code n}th StockBelowMinimum and returns all its events so far, schema-checked. */
    private List<JsonNode> awaitCrossings(String store, int n) {
        probe.await(r -> crossings(store).size() >= n, HOP);
        return crossings(store);
    }

    private List<JsonNode> crossings(String store) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> r : probe.drain(Duration.ZERO)) {
            if (EventProbe.eventType(r).equals("StockBelowMinimum") && key(store).equals(r.key())) {
                assertThat(CONTRACTS.validate(EventProbe.header(r, "ce_type"), r.value())).isEmpty();
                found.add(JSON.readTree(r.value()));
            }
        }
        return found;
    }

    @Test
    @DisplayName("PRT-06 falling below minimum publishes StockBelowMinimum once per crossing, up to maximum")
    void PRT06_oncePerCrossing() {
        String store = PartsFixture.storeWith(jdbc, api, PART, 8);
        String elsewhere = PartsFixture.newStore(jdbc);
        RestApi.Response created = setPlan(store, 2, 5, 20, null);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.body().get("status").asString()).isEqualTo("OK");
        assertThat(created.body().get("available").asInt()).isEqualTo(8);

        take(store, elsewhere, 2);                                     // 6 left: above minimum, nothing
        assertThat(plan(store).get("status").asString()).isEqualTo("OK");
        take(store, elsewhere, 2);                                     // 4 left: the crossing
        List<JsonNode> first = awaitCrossings(store, 1);
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.get("location").asString()).isEqualTo(store);
            assertThat(e.get("partNumber").asString()).isEqualTo(PART);
            assertThat(e.get("onHand").asInt()).isEqualTo(4);
            assertThat(e.get("available").asInt()).isEqualTo(4);
            assertThat(e.get("minimum").asInt()).isEqualTo(5);
            assertThat(e.get("maximum").asInt()).isEqualTo(20);
            assertThat(e.get("safetyStock").asInt()).isEqualTo(2);
            assertThat(e.get("suggestedOrderQuantity").asInt()).isEqualTo(16);
            assertThat(e.get("actor").asString()).isEqualTo("system:parts-planning");
        });
        assertThat(plan(store).get("status").asString()).isEqualTo("BELOW_MINIMUM");
        take(store, elsewhere, 1);                                     // 3 left: still the same crossing
        take(store, elsewhere, 2);                                     // 1 left: below safety stock, same crossing
        assertThat(plan(store).get("status").asString()).isEqualTo("BELOW_SAFETY_STOCK");
        PartsFixture.receive(api, store, PART, 5);                     // 6: back above, the flag clears silently
        assertThat(plan(store).get("status").asString()).isEqualTo("OK");
        take(store, elsewhere, 3);                                     // 3 left: a second crossing

        List<JsonNode> both = awaitCrossings(store, 2);
        assertThat(both).as("one event per crossing, none for the movements below minimum")
                .extracting(e -> e.get("available").asInt()).containsExactly(4, 3);
        assertThat(both.get(1).get("suggestedOrderQuantity").asInt()).isEqualTo(17);
        assertThat(probe.drain(Duration.ofSeconds(1)).stream().filter(r -> key(store).equals(r.key())).count())
                .isEqualTo(2);
        var listed = api.get("/api/parts/plans?location=" + store + "&belowMinimum=true", token("mgr.li", "MANAGER"));
        assertThat(listed.body().get("totalItems").asInt()).isEqualTo(1);
        assertThat(listed.body().get("items").get(0).get("onHand").asInt()).isEqualTo(3);
        assertThat(api.get("/api/parts/plans?location=" + store + "&belowMinimum=false", storekeeper).body()
                .get("totalItems").asInt()).isZero();
    }

    @Test
    @DisplayName("PRT-06 PRT-01 available counts, not on hand: a reservation alone crosses the minimum")
    void PRT06_reservationCrosses() {
        String store = PartsFixture.storeWith(jdbc, api, PART, 8);
        assertThat(setPlan(store, 0, 5, 20, null).status()).isEqualTo(201);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            stock.lockAvailable(store, List.of(PART));
            assertThat(stock.reserve(store, new PartLine(PART, 4))).isTrue();
        });
        JsonNode event = awaitCrossings(store, 1).getFirst();
        assertThat(event.get("onHand").asInt()).isEqualTo(8);
        assertThat(event.get("reserved").asInt()).isEqualTo(4);
        assertThat(event.get("available").asInt()).isEqualTo(4);
        assertThat(event.get("suggestedOrderQuantity").asInt()).isEqualTo(16);
    }

    @Test
    @DisplayName("PRT-06 setting a plan whose minimum is above available publishes once; editing needs If-Match")
    void PRT06_planAboveAvailablePublishes() {
        String store = PartsFixture.storeWith(jdbc, api, PART, 3);
        RestApi.Response created = setPlan(store, 1, 5, 10, null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("BELOW_MINIMUM");
        JsonNode first = awaitCrossings(store, 1).getFirst();
        assertThat(first.get("actor").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        assertThat(first.get("suggestedOrderQuantity").asInt()).isEqualTo(7);

        assertThat(setPlan(store, 1, 6, 12, null).status()).as("an edit without If-Match").isEqualTo(428);
        assertThat(setPlan(store, 1, 6, 12, "\"7\"").status()).as("a stale If-Match").isEqualTo(412);
        RestApi.Response edited = setPlan(store, 1, 6, 12, "\"1\"");   // still below: the same crossing
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        RestApi.Response lowered = setPlan(store, 1, 2, 12, "\"2\"");  // available 3 ≥ 2: the flag clears
        assertThat(lowered.body().get("status").asString()).isEqualTo("OK");
        setPlan(store, 1, 4, 12, "\"3\"");                             // 3 < 4 again: a new crossing
        List<JsonNode> both = awaitCrossings(store, 2);
        assertThat(both).extracting(e -> e.get("minimum").asInt()).containsExactly(5, 4);
        assertThat(both.get(1).get("suggestedOrderQuantity").asInt()).isEqualTo(9);
    }

    @Test
    @DisplayName("PRT-06 PRT-02 eight movements crossing the minimum at the same time publish it once")
    void PRT06_concurrentCrossingPublishesOnce() throws Exception {
        String store = PartsFixture.storeWith(jdbc, api, PART, 10);
        String elsewhere = PartsFixture.newStore(jdbc);
        assertThat(setPlan(store, 0, 10, 30, null).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> moves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            moves.add(() -> {
                start.await();
                take(store, elsewhere, 1);
                return null;
            });
        }
        List<Future<Void>> done = moves.stream().map(pool::submit).toList();
        start.countDown();
        for (Future<Void> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(PartsFixture.onHand(jdbc, store, PART)).isEqualTo(2);
        PartsFixture.receive(api, store, PART, 8);                     // back to 10: clears
        take(store, elsewhere, 1);                                     // a second crossing closes the record
        assertThat(awaitCrossings(store, 2)).extracting(e -> e.get("available").asInt())
                .as("one event for the eight concurrent movements, then one for the next crossing")
                .containsExactly(9, 9);
    }

    @Test
    @DisplayName("PRT-06 an unknown store or part is named (400); a technician's holding is not planned")
    void PRT06_unknownLocationOrPart() {
        RestApi.Response unknown = api.put("/api/parts/plans/NO-SUCH-STORE/NO-SUCH-PART",
                Map.of("safetyStock", 0, "minimum", 1, "maximum", 2), storekeeper, Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("location", "partNumber");
        stock.technicianHolding("tech.plan");
        RestApi.Response holding = api.put("/api/parts/plans/" + StockService.holdingOf("tech.plan") + "/" + PART,
                Map.of("safetyStock", 0, "minimum", 1, "maximum", 2), storekeeper, Map.of());
        assertThat(holding.status()).isEqualTo(400);
        assertThat(api.put("/api/parts/plans/NO-SUCH-STORE/" + PART, Map.of("safetyStock", 0, "minimum", 1,
                "maximum", 2), token("tech.north", "TECHNICIAN"), Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/parts/plans/NO-SUCH-STORE/" + PART, storekeeper).status()).isEqualTo(404);
    }
}
