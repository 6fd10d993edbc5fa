package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.ids;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.types;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
class TicketListAndTimelineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");

    private static String today() {
        return Tickets.today().toString();
    }

    @Test
    @DisplayName("INT-18 the timeline shows the ticket's own changes and other services' events about it, in order, with actor and time")
    void INT18_timelineInOrderWithActors(EventSender events) throws Exception {
        String id = api.post("/api/intake/tickets", phoneTicket("AC-" + UUID.randomUUID(), today()), desk).body()
                .get("id").asString();
        api.post("/api/intake/tickets/" + id + "/accept", null, token("sup.wang", "SUPERVISOR"));
        events.send("aftersales.dispatch.workorder", id, "WorkOrderCreated", "dispatch-service",
                JSON.writeValueAsString(Map.of("ticketId", id, "workOrderId", UUID.randomUUID().toString(),
                        "actor", "system:dispatch", "occurredAt", Instant.now().toString())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(types(timeline(id))).contains("WorkOrderCreated"));
        JsonNode timeline = timeline(id);
        assertThat(types(timeline)).containsSubsequence("REGISTERED", "ACCEPTED", "WorkOrderCreated", "IN_SERVICE");
        List<Instant> times = timeline.valueStream().map(e -> Instant.parse(e.get("at").asString())).toList();
        assertThat(times).isSorted();
        JsonNode accepted = timeline.valueStream().filter(e -> "ACCEPTED".equals(e.get("type").asString())).findFirst().orElseThrow();
        assertThat(accepted.get("actor").asString()).isEqualTo("sup.wang");
        assertThat(accepted.get("fromState").asString()).isEqualTo("REGISTERED");
        JsonNode received = timeline.valueStream().filter(e -> "WorkOrderCreated".equals(e.get("type").asString())).findFirst().orElseThrow();
        assertThat(received.get("source").asString()).isEqualTo("dispatch-service");
        assertThat(received.get("actor").asString()).isEqualTo("system:dispatch");
        assertThat(api.get("/api/intake/tickets/" + UUID.randomUUID() + "/timeline", desk).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("INT-13 INT-23 the desk's ticket list is paged and filtered by state, priority, routing, serial and dates")
    void ticketListPagedAndFiltered() {
        String serial = "AC-" + UUID.randomUUID();
        Map<String, Object> urgent = new HashMap<>(phoneTicket(serial, today()));
        urgent.put("classification", "EMERGENCY");
        String urgentId = api.post("/api/intake/tickets", urgent, desk).body().get("id").asString();
        String normalId = api.post("/api/intake/tickets", phoneTicket(serial, today()), desk).body().get("id").asString();
        api.post("/api/intake/tickets/" + normalId + "/cancel", Map.of("reason", "duplicate call"), desk);

        assertThat(ids(list("serialNumber=" + serial))).containsExactly(normalId, urgentId);
        assertThat(ids(list("serialNumber=" + serial + "&priority=URGENT&routedTo=SUPERVISOR"))).containsExactly(urgentId);
        assertThat(ids(list("serialNumber=" + serial + "&state=CANCELLED"))).containsExactly(normalId);
        assertThat(ids(list("serialNumber=" + serial + "&state=CANCELLED&state=REGISTERED"))).hasSize(2);
        assertThat(ids(list("serialNumber=" + serial + "&registeredFrom=" + today() + "&registeredTo=" + today()))).hasSize(2);
        assertThat(ids(list("serialNumber=" + serial + "&registeredTo=2020-01-01"))).isEmpty();
        JsonNode page = list("serialNumber=" + serial + "&size=1&page=1");
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(urgentId);

        var badState = api.get("/api/intake/tickets?state=LOST", desk);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(api.get("/api/intake/tickets?registeredFrom=2026-13-01", desk).status()).isEqualTo(400);
        var reversed = api.get("/api/intake/tickets?registeredFrom=2026-02-01&registeredTo=2026-01-01", desk);
        assertThat(reversed.body().get("errors").get(0).get("field").asString()).isEqualTo("registeredTo");
    }

    private JsonNode list(String query) {
        var response = api.get("/api/intake/tickets?" + query, desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private JsonNode timeline(String id) {
        return Tickets.timeline(api, id, desk);
    }
}
