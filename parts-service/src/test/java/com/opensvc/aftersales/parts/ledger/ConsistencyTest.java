package com.opensvc.aftersales.parts.ledger;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** PRT-02 for operators: the consistency endpoint compares every stock row with its ledger. */
@PartsServiceTest
class ConsistencyTest {
    private static final String CHECK = "/api/parts/stock/consistency";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private JsonNode check(String query) {
        RestApi.Response response = api.get(CHECK + query, token("mgr.li", "MANAGER"));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    @Test
    @DisplayName("PRT-02 after receipts and issues the check is consistent; a broken stock row is reported, the ledger cannot be edited")
    void PRT02_consistencyCheck() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 5);
        PartsFixture.receive(api, store, "FLT-200", 4);
        UUID ticketId = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"%s",
                 "lines":[{"partNumber":"CMP-100","quantity":2}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(UUID.randomUUID(), ticketId, store));
        probe.awaitType("PartsIssued", ticketId.toString(), Duration.ofSeconds(30));

        JsonNode fine = check("");
        assertThat(fine.get("consistent").asBoolean()).as(fine.toString()).isTrue();
        assertThat(fine.get("checkedPairs").asLong()).isGreaterThanOrEqualTo(3);   // the store's two, the holding's one
        assertThat(fine.get("differences")).isEmpty();
        assertThat(meters.get("parts.stock.consistency.differences").gauge().value()).isZero();

        jdbc.sql("UPDATE stock SET on_hand = on_hand + 1 WHERE location = :s AND part_number = 'CMP-100'")
                .param("s", store).update();
        jdbc.sql("UPDATE stock SET on_hand = on_hand + 2 WHERE location = :s AND part_number = 'FLT-200'")
                .param("s", store).update();
        try {
            JsonNode broken = check("?limit=1000");
            assertThat(broken.get("consistent").asBoolean()).isFalse();
            assertThat(broken.get("differenceCount").asLong()).isEqualTo(2);
            assertThat(broken.get("truncated").asBoolean()).isFalse();
            assertThat(broken.get("differences").valueStream()
                    .filter(d -> d.get("location").asString().equals(store)).toList()).hasSize(2)
                    .anySatisfy(d -> {
                        assertThat(d.get("partNumber").asString()).isEqualTo("CMP-100");
                        assertThat(d.get("onHand").asInt()).isEqualTo(4);
                        assertThat(d.get("ledgerBalance").asInt()).isEqualTo(3);
                        assertThat(d.get("problems").valueStream().map(JsonNode::asString).toList())
                                .containsExactly("ON_HAND_NOT_LEDGER_SUM");
                    });
            JsonNode capped = check("?limit=1");
            assertThat(capped.get("differences")).hasSize(1);
            assertThat(capped.get("differenceCount").asLong()).isEqualTo(2);
            assertThat(capped.get("truncated").asBoolean()).isTrue();
            assertThat(meters.get("parts.stock.consistency.differences").gauge().value()).isEqualTo(2);

            long movement = jdbc.sql("SELECT max(id) FROM movement WHERE to_location = :s").param("s", store)
                    .query(Long.class).single();
            assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET quantity = quantity + 1 WHERE id = :id")
                    .param("id", movement).update()).as("the ledger is append-only").hasMessageContaining("stock ledger");
        } finally {
            jdbc.sql("UPDATE stock SET on_hand = on_hand - 1 WHERE location = :s AND part_number = 'CMP-100'")
                    .param("s", store).update();
            jdbc.sql("UPDATE stock SET on_hand = on_hand - 2 WHERE location = :s AND part_number = 'FLT-200'")
                    .param("s", store).update();
        }
        assertThat(check("").get("consistent").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("PRT-02 SEC-01 storekeeper and administrator may check; a technician or supervisor may not")
    void PRT02_roles() {
        assertThat(api.get(CHECK, token(PartsFixture.STOREKEEPER, "STOREKEEPER")).status()).isEqualTo(200);
        assertThat(api.get(CHECK, token("ops.admin", "ADMIN")).status()).isEqualTo(200);
        assertThat(api.get(CHECK, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get(CHECK, token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);
    }
}
