package com.opensvc.aftersales.parts;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.testkit.RestApi;

/**
 * Parts' tests create their own catalogue and stores (a production database starts empty, DOMAIN.md §11); stock
 * comes in the way it does in production, through the storekeeper's receipts, so every quantity is a ledger movement.
 */
public final class PartsFixture {
    public static final String STOREKEEPER = "store.wu";

    private PartsFixture() {
    }

    /** The demo catalogue's parts, if not there yet, by SQL (older tests; {@link #catalogue(RestApi)} uses the API). */
    public static void catalogue(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO part (part_number, description, unit_price, serialised) VALUES
                    ('CMP-100', 'Rotary compressor 3.2 kW', 1280.00, true),
                    ('FLT-200', 'Air filter set', 45.00, false),
                    ('PCB-300', 'Indoor unit control board', 390.00, true)
                ON CONFLICT DO NOTHING
                """).update();
    }

    /** A store of its own per test, so tests do not share stock. */
    public static String newStore(JdbcClient jdbc) {
        catalogue(jdbc);
        String store = "STORE-T" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO location (code, kind) VALUES (:code, 'STORE')").param("code", store).update();
        return store;
    }

    /**
     * The demo catalogue's parts through {@code POST /api/parts/catalogue} (the storekeeper's way), if not there yet
     * (409 when they are).
     */
    public static void catalogue(RestApi api) {
        for (var part : List.of(
                Map.of("partNumber", "CMP-100", "description", "Rotary compressor 3.2 kW", "unitPrice",
                        new BigDecimal("1280.00"), "serialised", true, "fittingModels", List.of("KFR-35GW", "AC-3200")),
                Map.of("partNumber", "FLT-200", "description", "Air filter set", "unitPrice",
                        new BigDecimal("45.00"), "serialised", false, "fittingModels", List.of("KFR-35GW")),
                Map.of("partNumber", "PCB-300", "description", "Indoor unit control board", "unitPrice",
                        new BigDecimal("390.00"), "serialised", true, "fittingModels", List.of("KFR-35GW")))) {
            var created = api.post("/api/parts/catalogue", part, token(STOREKEEPER, "STOREKEEPER"));
            assertThat(created.status()).as(String.valueOf(created.body())).isIn(201, 409);
        }
    }

    /** A store of its own per test through {@code POST /api/parts/locations}, with the demo catalogue. */
    public static String newStore(RestApi api) {
        catalogue(api);
        String store = "STORE-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var created = api.post("/api/parts/locations", Map.of("code", store, "kind", "STORE",
                "name", "Test store " + store), token(STOREKEEPER, "STOREKEEPER"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return store;
    }

    /**
     * The central warehouse's code: the one there is, or a new one through the API (there is at most one, so tests
     * share it: use a store of your own for stock you count).
     */
    public static String central(RestApi api) {
        String storekeeper = token(STOREKEEPER, "STOREKEEPER");
        var existing = api.get("/api/parts/locations?kind=CENTRAL", storekeeper);
        assertThat(existing.status()).isEqualTo(200);
        if (existing.body().get("totalItems").asLong() > 0) {
            return existing.body().get("items").get(0).get("code").asString();
        }
        var created = api.post("/api/parts/locations", Map.of("code", "CENTRAL", "kind", "CENTRAL",
                "name", "Central warehouse"), storekeeper);
        assertThat(created.status()).as(String.valueOf(created.body())).isIn(201, 409);
        return central(api);
    }

    /** Receives stock through POST /api/parts/receipts and returns the receipt. */
    public static RestApi.Response receive(RestApi api, String store, String part, int quantity) {
        var receipt = api.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-" + UUID.randomUUID(),
                "lines", List.of(Map.of("partNumber", part, "quantity", quantity))), token(STOREKEEPER, "STOREKEEPER"));
        assertThat(receipt.status()).as(String.valueOf(receipt.body())).isEqualTo(201);
        return receipt;
    }

    public static String storeWith(JdbcClient jdbc, RestApi api, String part, int onHand) {
        String store = newStore(api);
        receive(api, store, part, onHand);
        return store;
    }

    public static int onHand(JdbcClient jdbc, String location, String part) {
        return jdbc.sql("SELECT coalesce(sum(on_hand), 0) FROM stock WHERE location = :l AND part_number = :p")
                .param("l", location).param("p", part).query(Integer.class).single();
    }
}
