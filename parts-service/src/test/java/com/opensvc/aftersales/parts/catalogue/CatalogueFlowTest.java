package com.opensvc.aftersales.parts.catalogue;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** DOMAIN.md §5, INT-08: the storekeeper manages the catalogue and the locations through the API. */
@PartsServiceTest
class CatalogueFlowTest {
    private static final String CATALOGUE = "/api/parts/catalogue";
    private static final String LOCATIONS = "/api/parts/locations";

    @Autowired
    Catalogue catalogue;
    @Autowired
    Locations locations;
    @Autowired
    StockService stock;
    @Autowired
    JdbcClient jdbc;
    private RestApi api;

    private final String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");
    private final String finance = token("fin.li", "FINANCE");
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String technician = token("tech.north", "TECHNICIAN");

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> part(String partNumber, String price, List<String> models) {
        return new HashMap<>(Map.of("partNumber", partNumber, "description", "Drain pump " + partNumber,
                "unitPrice", new BigDecimal(price), "serialised", false, "fittingModels", models));
    }

    private static Map<String, Object> edit(String description, String price, List<String> models, boolean active) {
        return Map.of("description", description, "unitPrice", new BigDecimal(price), "serialised", false,
                "fittingModels", models, "active", active);
    }

    private RestApi.Response create(Map<String, Object> part) {
        var created = api.post(CATALOGUE, part, storekeeper);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created;
    }

    private List<String> partNumbers(String query, String token) {
        var page = api.get(CATALOGUE + query, token);
        assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
        return page.body().get("items").valueStream().map(p -> p.get("partNumber").asString()).toList();
    }

    private List<String> codes(String kind) {
        var page = api.get(LOCATIONS + "?kind=" + kind + "&size=200", storekeeper);
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("items").valueStream().map(l -> l.get("code").asString()).toList();
    }

    @Test
    @DisplayName("DOMAIN §5 the storekeeper creates a part with its fitting models; it is listed by model and text, read with its ETag by whoever quotes work")
    void catalogue_createAndList() {
        String model = unique("KFR-");
        String other = unique("WM-");
        String pump = unique("PMP-");
        String filter = unique("FLT-");
        var created = create(part(pump, "88.5", List.of(model, other, model)));
        assertThat(created.header("Location")).isEqualTo(CATALOGUE + "/" + pump);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = created.body();
        assertThat(body.get("unitPrice").decimalValue()).isEqualByComparingTo("88.50");
        assertThat(body.get("fittingModels").valueStream().map(JsonNode::asString).toList())
                .as("each model once, sorted").containsExactlyElementsOf(List.of(model, other).stream().sorted().toList());
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("updatedBy").asString()).isEqualTo(PartsFixture.STOREKEEPER);
        create(part(filter, "12", List.of(other)));

        assertThat(partNumbers("?model=" + model, technician)).containsExactly(pump);
        assertThat(partNumbers("?model=" + other, token("desk.fang", "FRONT_DESK"))).containsExactly(filter, pump);
        assertThat(partNumbers("?q=" + pump.toLowerCase(Locale.ROOT), token("cm.qian", "CUSTOMER_MANAGER")))
                .as("text in the part number, any case").containsExactly(pump);
        assertThat(partNumbers("?q=drain%20pump%20" + filter + "&model=" + other, finance)).containsExactly(filter);
        assertThat(partNumbers("?q=%25", storekeeper)).as("a % is text, not a wildcard").isEmpty();
        var page = api.get(CATALOGUE + "?model=" + other + "&size=1&page=1", storekeeper).body();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("partNumber").asString()).isEqualTo(pump);

        var read = api.get(CATALOGUE + "/" + pump, token("qa.sun", "QUALITY"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(api.get(CATALOGUE + "/" + unique("NOPE-"), storekeeper).status()).isEqualTo(404);
        assertThat(api.get(CATALOGUE, token("agent.he", "REVISIT_AGENT")).status()).isEqualTo(403);
        assertThat(catalogue.find(pump)).hasValueSatisfying(p -> {
            assertThat(p.unitPrice()).isEqualByComparingTo("88.50");
            assertThat(p.fittingModels()).contains(model, other);
        });
    }

    @Test
    @DisplayName("INT-08 only the storekeeper sets part prices: If-Match required (428) and current (412); each price on the history with who and when; finance and supervisor 403")
    void INT08_onlyTheStorekeeperSetsPrices() {
        String partNumber = unique("CMP-");
        create(part(partNumber, "100.00", List.of("KFR-35GW")));
        var raise = edit("Rotary compressor", "120.50", List.of("KFR-35GW"), true);

        assertThat(api.put(CATALOGUE + "/" + partNumber, raise, finance, Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(403);
        assertThat(api.put(CATALOGUE + "/" + partNumber, raise, supervisor, Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(403);
        assertThat(api.put(CATALOGUE + "/" + partNumber, raise, technician, Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(403);
        assertThat(api.put(CATALOGUE + "/" + partNumber, raise, storekeeper, Map.of()).status()).isEqualTo(428);

        var changed = api.put(CATALOGUE + "/" + partNumber, raise, storekeeper, Map.of("If-Match", "\"0\""));
        assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.body().get("unitPrice").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(changed.body().get("description").asString()).isEqualTo("Rotary compressor");

        var stale = api.put(CATALOGUE + "/" + partNumber, edit("x", "1", List.of(), true), storekeeper,
                Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");

        // the same price written as 120.5 and a new description: no price change on the history
        var same = api.put(CATALOGUE + "/" + partNumber, edit("Rotary compressor 3.2 kW", "120.5", List.of("KFR-35GW"),
                true), storekeeper, Map.of("If-Match", "\"1\""));
        assertThat(same.status()).isEqualTo(200);

        var history = api.get(CATALOGUE + "/" + partNumber + "/price-history", finance);
        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> lines = history.body().get("items").valueStream().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("oldPrice").isNull()).as("the first price").isTrue();
        assertThat(lines.get(0).get("newPrice").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(lines.get(1).get("oldPrice").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(lines.get(1).get("newPrice").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("changedBy").asString()).isEqualTo(PartsFixture.STOREKEEPER);
            assertThat(line.get("changedAt").asString()).isNotBlank();
        });
        assertThat(api.get(CATALOGUE + "/" + partNumber + "/price-history", technician).status()).isEqualTo(403);
        assertThat(catalogue.find(partNumber).orElseThrow().unitPrice()).isEqualByComparingTo("120.50");
    }

    @Test
    @DisplayName("INT-08 SEC-03 the price history is append-only in the database")
    void SEC03_priceHistoryIsAppendOnly() {
        String partNumber = unique("CMP-");
        create(part(partNumber, "10.00", List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE part_price_change SET new_price = 0 WHERE part_number = :p").param("p", partNumber).update())
                .hasMessageContaining("cannot be updated");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "DELETE FROM part_price_change WHERE part_number = :p").param("p", partNumber).update())
                .hasMessageContaining("cannot be deleted");
    }

    @Test
    @DisplayName("SEC-05 a part is retired, never deleted: it stays readable and is listed by active=false")
    void SEC05_retireInsteadOfDelete() {
        String partNumber = unique("PCB-");
        create(part(partNumber, "390.00", List.of("AC-3200")));
        var retired = api.put(CATALOGUE + "/" + partNumber, edit("Old board", "390.00", List.of("AC-3200"), false),
                storekeeper, Map.of("If-Match", "\"0\""));
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("active").asBoolean()).isFalse();
        assertThat(partNumbers("?active=false&q=" + partNumber, storekeeper)).containsExactly(partNumber);
        assertThat(partNumbers("?active=true&q=" + partNumber, storekeeper)).isEmpty();
        assertThat(api.delete(CATALOGUE + "/" + partNumber, storekeeper).status()).isIn(404, 405);
        assertThat(catalogue.find(partNumber)).hasValueSatisfying(p -> assertThat(p.active()).isFalse());
    }

    @Test
    @DisplayName("DOMAIN §5 a part number is created once: 409 for the second, 8 racing creations make one part; a repeated Idempotency-Key returns it")
    void duplicatePartNumbers() throws Exception {
        String partNumber = unique("FLT-");
        create(part(partNumber, "45.00", List.of()));
        var again = api.post(CATALOGUE, part(partNumber, "46.00", List.of()), storekeeper);
        assertThat(again.status()).isEqualTo(409);
        assertThat(catalogue.find(partNumber).orElseThrow().unitPrice()).isEqualByComparingTo("45.00");

        String raced = unique("FLT-");
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> api.post(CATALOGUE, part(raced, "45.00", List.of()), storekeeper).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(racers)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(api.get(CATALOGUE + "/" + raced + "/price-history", storekeeper).body().get("totalItems").asLong())
                .isEqualTo(1);

        String keyed = unique("FLT-");
        String key = UUID.randomUUID().toString();
        var first = api.post(CATALOGUE, part(keyed, "5.00", List.of()), storekeeper, Map.of("Idempotency-Key", key));
        var repeat = api.post(CATALOGUE, part(keyed, "5.00", List.of()), storekeeper, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get("partNumber").asString()).isEqualTo(keyed);
        var otherPart = api.post(CATALOGUE, part(unique("FLT-"), "5.00", List.of()), storekeeper,
                Map.of("Idempotency-Key", key));
        assertThat(otherPart.status()).isEqualTo(400);
        assertThat(otherPart.body().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    @DisplayName("DOMAIN §5 locations of three kinds: one central warehouse (a second is 409), stores, technicians' holdings TECH-<login>; renamed with If-Match")
    void locationsOfThreeKinds() {
        String central = PartsFixture.central(api);
        assertThat(locations.kind(central)).contains(LocationKind.CENTRAL);
        var second = api.post(LOCATIONS, Map.of("code", unique("CW-"), "kind", "CENTRAL", "name", "Second"), storekeeper);
        assertThat(second.status()).as("at most one CENTRAL").isEqualTo(409);
        assertThat(codes("CENTRAL")).containsExactly(central);

        String store = unique("STORE-");
        var created = api.post(LOCATIONS, Map.of("code", store, "kind", "STORE", "name", "Service point east"),
                storekeeper);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(LOCATIONS + "/" + store);
        assertThat(created.body().get("kind").asString()).isEqualTo("STORE");
        assertThat(api.post(LOCATIONS, Map.of("code", store, "kind", "STORE", "name", "Again"), storekeeper).status())
                .isEqualTo(409);

        String login = "tech." + unique("e").toLowerCase(Locale.ROOT);
        var holding = api.post(LOCATIONS, Map.of("code", "TECH-" + login, "kind", "TECHNICIAN", "name", "Van of " + login,
                "technicianId", login), storekeeper);
        assertThat(holding.status()).as(String.valueOf(holding.body())).isEqualTo(201);
        assertThat(holding.body().get("technicianId").asString()).isEqualTo(login);
        assertThat(codes("STORE")).contains(store).doesNotContain("TECH-" + login);
        assertThat(codes("TECHNICIAN")).contains("TECH-" + login);

        var transit = api.post(LOCATIONS, Map.of("code", "TRANSIT-" + store, "kind", "TRANSIT", "name", "x"), storekeeper);
        assertThat(transit.status()).isEqualTo(400);
        assertThat(transit.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        assertThat(api.post(LOCATIONS, Map.of("code", unique("STORE-"), "kind", "STORE", "name", "x"), supervisor)
                .status()).isEqualTo(403);
        var read = api.get(LOCATIONS + "/" + store, finance);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(api.get(LOCATIONS + "/" + store, technician).status()).isEqualTo(403);

        var renamed = api.put(LOCATIONS + "/" + store, Map.of("name", "Service point east (new hall)"), storekeeper,
                Map.of("If-Match", "\"0\""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(renamed.body().get("name").asString()).isEqualTo("Service point east (new hall)");
        assertThat(api.put(LOCATIONS + "/" + store, Map.of("name", "x"), storekeeper, Map.of("If-Match", "\"0\""))
                .status()).isEqualTo(412);
        assertThat(api.put(LOCATIONS + "/" + store, Map.of("name", "x"), storekeeper, Map.of()).status()).isEqualTo(428);
        assertThat(api.put(LOCATIONS + "/" + unique("NOPE-"), Map.of("name", "x"), storekeeper,
                Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("PRT-01 PRT-03 a store's transit and quarantine locations are internal, created once on first use; a technician's holding on first issue")
    void internalLocations() {
        String store = PartsFixture.newStore(api);
        assertThat(locations.transitTo(store)).isEqualTo("TRANSIT-" + store);
        assertThat(locations.transitTo(store)).as("created once").isEqualTo("TRANSIT-" + store);
        assertThat(locations.quarantineOf(store)).isEqualTo("QUARANTINE-" + store);
        assertThat(locations.find("TRANSIT-" + store)).hasValueSatisfying(l -> {
            assertThat(l.kind()).isEqualTo(LocationKind.TRANSIT);
            assertThat(l.store()).isEqualTo(store);
        });
        assertThat(locations.kind("QUARANTINE-" + store)).contains(LocationKind.QUARANTINE);
        assertThat(codes("TRANSIT")).contains("TRANSIT-" + store);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> locations.transitTo("TRANSIT-" + store))
                .isInstanceOf(IllegalArgumentException.class);

        String login = "tech." + unique("w").toLowerCase(Locale.ROOT);
        assertThat(stock.technicianHolding(login)).isEqualTo(StockService.holdingOf(login));
        assertThat(locations.find("TECH-" + login)).hasValueSatisfying(l -> {
            assertThat(l.kind()).isEqualTo(LocationKind.TECHNICIAN);
            assertThat(l.technicianId()).isEqualTo(login);
        });
        assertThat(locations.ensureTechnicianHolding(login)).isEqualTo("TECH-" + login);
        assertThat(locations.kind(unique("NOPE-"))).isEmpty();
    }
}
