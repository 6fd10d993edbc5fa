package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.TestTechnicians;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** PRT-01, DSP-03: a partial issue keeps the order waiting for the back-ordered rest, through parts' events. */
@DispatchServiceTest
class PRT01PartialIssueFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String PARTS = "aftersales.parts.stock";
    private static final Duration HOP = Duration.ofSeconds(30);

    private RestApi api;
    @ProbeTopics("aftersales.dispatch.workorder")
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private JsonNode order(String id) {
        return api.get("/api/dispatch/work-orders/" + id, supervisor).body();
    }

    private String issued(String id, UUID ticketId, String lines, String complete, String at) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "toLocation":"TECH-tech.south","lines":%s%s,"actor":"store.wu","occurredAt":"%s"}"""
                .formatted(id, ticketId, lines, complete, at);
    }

    @Test
    @DisplayName("PRT-01 DSP-03 PartsIssued complete=false leaves the order AWAITING_PARTS (PARTS_PARTLY_ISSUED); the backorder's complete PartsIssued readies it")
    void PRT01_DSP03_partialIssueThenComplete() {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service",
                WorkOrderFlowTest.ticketAccepted(ticketId, "SOUTH",
                        "[{\"partNumber\":\"CMP-100\",\"quantity\":1},{\"partNumber\":\"HOSE-15\",\"quantity\":2}]"));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), HOP);
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of(), supervisor).body()
                .get("state").asString()).isEqualTo("AWAITING_PARTS");

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service",
                issued(id, ticketId, "[{\"partNumber\":\"HOSE-15\",\"quantity\":2}]", ",\"complete\":false",
                        "2026-11-23T02:00:00Z"));
        sender.send(PARTS, ticketId.toString(), "PartsBackordered", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                 "lines":[{"partNumber":"CMP-100","requested":1,"available":0,"expectedDate":"2026-12-09"}],
                 "expectedDate":"2026-12-09","actor":"system:parts-issue","occurredAt":"2026-11-23T02:00:00Z"}
                """.formatted(id, ticketId));
        JsonNode waiting = await().atMost(HOP).until(() -> order(id), o -> !o.get("backorder").isNull());
        assertThat(waiting.get("state").asString()).as("a partial issue does not ready the order")
                .isEqualTo("AWAITING_PARTS");
        assertThat(jdbc.sql("SELECT action FROM work_order_history WHERE work_order_id = :id ORDER BY id")
                .param("id", UUID.fromString(id)).query(String.class).list()).contains("PARTS_PARTLY_ISSUED");
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/arrival", Map.of(),
                token("tech.south", "TECHNICIAN")).status()).as("DSP-08 the technician may set off meanwhile")
                .isEqualTo(200);

        sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service",
                issued(id, ticketId, "[{\"partNumber\":\"CMP-100\",\"quantity\":1}]", ",\"complete\":true",
                        "2026-12-09T08:00:00Z"));
        JsonNode ready = await().atMost(HOP).until(() -> order(id), o -> o.get("state").asString().equals("READY"));
        assertThat(ready.get("backorder").isNull()).isTrue();
    }
}
