package com.opensvc.aftersales.parts.transfer;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** PRT-01, PRT-02: transfers between stores are TRANSFERRED movements and fill backorders at the destination. */
@PartsServiceTest
class TransferFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;
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

    private RestApi.Response transfer(String from, String to, String part, Object quantity, String token) {
        return api.post("/api/parts/transfers", Map.of("from", from, "to", to, "reason", "urgent repair",
                "lines", List.of(Map.of("partNumber", part, "quantity", quantity))), token);
    }

    private JsonNode valid(ConsumerRecord<String, String> record) {
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private static List<String> fields(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-01 a transfer store → store is a TRANSFERRED movement and fills the destination's backorder (PartsIssued)")
    void PRT01_transferFillsABackorderAtTheDestination() {
        String from = PartsFixture.storeWith(jdbc, api, "CMP-100", 3);
        String to = PartsFixture.newStore(jdbc);
        UUID ticket = UUID.randomUUID(), order = UUID.randomUUID();
        request(ticket, order, "tech.south", to, "CMP-100", 2);
        valid(probe.awaitType("PartsBackordered", ticket.toString(), HOP));

        var transfer = transfer(from, to, "CMP-100", 2, storekeeper);
        assertThat(transfer.status()).as(String.valueOf(transfer.body())).isEqualTo(201);
        String id = transfer.body().get("id").asString();
        assertThat(transfer.header("Location")).isEqualTo("/api/parts/transfers/" + id);
        assertThat(transfer.body().get("filled").valueStream().map(f -> f.get("workOrderId").asString()).toList())
                .containsExactly(order.toString());
        JsonNode issued = valid(probe.awaitType("PartsIssued", ticket.toString(), HOP));
        assertThat(issued.get("fromLocation").asString()).isEqualTo(to);
        assertThat(issued.get("toLocation").asString()).isEqualTo("TECH-tech.south");
        assertThat(PartsFixture.onHand(jdbc, from, "CMP-100")).isEqualTo(1);
        assertThat(PartsFixture.onHand(jdbc, to, "CMP-100")).as("issued on at once").isZero();

        Map<String, Object> movement = jdbc.sql("""
                SELECT quantity, reason, actor, reference FROM movement WHERE from_location = :from AND to_location = :to
                """).param("from", from).param("to", to).query().singleRow();
        assertThat(movement).containsEntry("quantity", 2).containsEntry("reason", "TRANSFERRED")
                .containsEntry("actor", PartsFixture.STOREKEEPER).containsEntry("reference", "transfer " + id);
        assertThat(api.get("/api/parts/backorders?workOrderId=" + order, storekeeper).body().get("items").get(0)
                .get("status").asString()).isEqualTo("FILLED");
        var read = api.get("/api/parts/transfers/" + id, token("sup.zhao", "SUPERVISOR"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("filled").get(0).get("workOrderId").asString()).isEqualTo(order.toString());
        var list = api.get("/api/parts/transfers?from=" + from, storekeeper).body();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("reason").asString()).isEqualTo("urgent repair");
    }

    @Test
    @DisplayName("PRT-02 a transfer never takes more than the source has (409, nothing moves); never into or out of a technician's holding (400)")
    void PRT02_transferRules() {
        String from = PartsFixture.storeWith(jdbc, api, "FLT-200", 1);
        String to = PartsFixture.newStore(jdbc);
        assertThat(transfer(from, to, "FLT-200", 2, storekeeper).status()).isEqualTo(409);
        assertThat(PartsFixture.onHand(jdbc, from, "FLT-200")).isEqualTo(1);
        assertThat(PartsFixture.onHand(jdbc, to, "FLT-200")).isZero();

        jdbc.sql("INSERT INTO location (code, kind, owner) VALUES ('TECH-tech.transfer', 'TECHNICIAN', 'tech.transfer') ON CONFLICT DO NOTHING").update();
        assertThat(fields(transfer(from, "TECH-tech.transfer", "FLT-200", 1, storekeeper))).containsExactly("to");
        assertThat(fields(transfer("TECH-tech.transfer", to, "FLT-200", 1, storekeeper))).containsExactly("from");
        assertThat(fields(transfer(from, from, "FLT-200", 1, storekeeper))).containsExactly("to");
        assertThat(fields(transfer(from, "STORE-NOWHERE", "NOPE-1", 1, storekeeper)))
                .containsExactly("to", "lines[0].partNumber");
        assertThat(fields(transfer(from, to, "FLT-200", 1.5, storekeeper))).containsExactly("lines[0].quantity");

        assertThat(transfer(from, to, "FLT-200", 1, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(transfer(from, to, "FLT-200", 1, token("sup.zhao", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(transfer(from, to, "FLT-200", 1, null).status()).isEqualTo(401);
        assertThat(PartsFixture.onHand(jdbc, from, "FLT-200")).isEqualTo(1);

        String key = "tr-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("from", from, "to", to, "reason", "balance",
                "lines", List.of(Map.of("partNumber", "FLT-200", "quantity", 1)));
        var first = api.post("/api/parts/transfers", body, storekeeper, Map.of("Idempotency-Key", key));
        var again = api.post("/api/parts/transfers", body, storekeeper, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as("the same transfer, moved once").isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(PartsFixture.onHand(jdbc, to, "FLT-200")).isEqualTo(1);
    }
}
