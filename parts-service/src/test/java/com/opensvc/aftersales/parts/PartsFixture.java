package com.opensvc.aftersales.parts;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** The demo catalogue's parts, if not there yet (there is no catalogue endpoint yet). */
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

    /** Receives stock through POST /api/parts/receipts and returns the receipt. */
    public static RestApi.Response receive(RestApi api, String store, String part, int quantity) {
        var receipt = api.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-" + UUID.randomUUID(),
                "lines", List.of(Map.of("partNumber", part, "quantity", quantity))), token(STOREKEEPER, "STOREKEEPER"));
        assertThat(receipt.status()).as(String.valueOf(receipt.body())).isEqualTo(201);
        return receipt;
    }

    public static String storeWith(JdbcClient jdbc, RestApi api, String part, int onHand) {
        String store = newStore(jdbc);
        receive(api, store, part, onHand);
        return store;
    }

    public static int onHand(JdbcClient jdbc, String location, String part) {
        return jdbc.sql("SELECT coalesce(sum(on_hand), 0) FROM stock WHERE location = :l AND part_number = :p")
                .param("l", location).param("p", part).query(Integer.class).single();
    }
}
