package com.opensvc.aftersales.revisit.ops;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.messaging.ops.MessagingMetrics;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 16: the operator's dead-letter desk and meters, on the real revisit service. */
@RevisitServiceTest
class DeadLetterReplayTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "aftersales.dispatch.workorder";
    private static final String DLT = TOPIC + ".DLT";
    private static final String DESK = "/api/revisit/ops/dead-letters";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("issue 16 EVT-04 EVT-05 a dead letter replayed twice after a fix has its effect once, each replay audited")
    void replayedTwiceHasItsEffectOnce(RestApi api, EventSender sender) {
        String admin = token("ops.admin", "ADMIN");
        UUID ticketId = UUID.randomUUID();
        UUID workOrderId = UUID.randomUUID();
        // a RepairClosed that went to the .DLT before a fix (on partition 1 of the dead-letter topic)
        UUID eventId = sender.send(DLT, 1, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, workOrderId), UUID.randomUUID());

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find(api.get(DESK + "?topic=" + DLT, admin)
                .body(), eventId), java.util.Objects::nonNull);
        assertThat(letter.get("topic").asString()).isEqualTo(TOPIC);
        assertThat(letter.get("partition").asInt()).isEqualTo(1);
        assertThat(letter.get("eventType").asString()).isEqualTo("RepairClosed");
        long offset = letter.get("offset").asLong();

        Map<String, Object> replay = Map.of("topic", DLT, "partition", 1, "offset", offset,
                "reason", "revisit 1.2.1 reads RepairClosed again");
        RestApi.Response first = api.post(DESK + "/replay", replay, admin);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().get("replayedBy").asString()).isEqualTo("ops.admin");
        assertThat(first.body().get("eventId").asString()).isEqualTo(eventId.toString());
        assertThat(api.post(DESK + "/replay", replay, admin).status()).isEqualTo(202);

        // a later record on the same partition: once it is handled, both replays have been read
        UUID markerTicket = UUID.randomUUID();
        sender.send(TOPIC, 1, markerTicket.toString(), "RepairClosed", "dispatch-service",
                repairClosed(markerTicket, UUID.randomUUID()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> decisions(markerTicket) == 1);

        assertThat(decisions(ticketId)).as("the replayed event's effect, once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id AND consumer = 'revisit-happy-calls'")
                .param("id", eventId).query(Long.class).single()).isEqualTo(1);
        JsonNode audit = api.get(DESK + "/replays?topic=" + DLT + "&partition=1&offset=" + offset, admin).body();
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.get(0).get("replayedBy").asString()).isEqualTo("ops.admin");
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("revisit 1.2.1 reads RepairClosed again");
        assertThat(meters.find(MessagingMetrics.REPLAYS).tag("topic", TOPIC).counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("issue 16 SEC-01 only ADMIN lists and replays dead letters; bad input is a problem naming the field")
    void onlyAdmin(RestApi api) {
        Map<String, Object> replay = Map.of("topic", DLT, "partition", 0, "offset", 0, "reason", "fixed");
        for (String role : List.of("FRONT_DESK", "REVISIT_AGENT", "SUPERVISOR", "SERVICE_DIRECTOR", "GENERAL_MANAGER")) {
            String other = token("someone", role);
            assertThat(api.get(DESK, other).status()).as(role).isEqualTo(403);
            assertThat(api.post(DESK + "/replay", replay, other).status()).as(role).isEqualTo(403);
        }
        assertThat(api.get(DESK, null).status()).isEqualTo(401);
        assertThat(api.post(DESK + "/replay", replay, null).status()).isEqualTo(401);

        String admin = token("ops.admin", "ADMIN");
        RestApi.Response unknownTopic = api.post(DESK + "/replay",
                Map.of("topic", "aftersales.parts.stock.DLT", "partition", 0, "offset", 0, "reason", "x"), admin);
        assertThat(unknownTopic.status()).isEqualTo(400);
        assertThat(unknownTopic.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownTopic.body().get("errors").get(0).get("field").asString()).isEqualTo("topic");
        RestApi.Response noReason = api.post(DESK + "/replay", Map.of("topic", DLT, "partition", 0, "offset", 0), admin);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().toString()).contains("reason");
        RestApi.Response nothingThere = api.post(DESK + "/replay",
                Map.of("topic", DLT, "partition", 2, "offset", 1_000_000, "reason", "x"), admin);
        assertThat(nothingThere.status()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 16 EVT-05 a malformed event is counted per topic and consumer, listed, and relay lag is measured")
    void deadLettersAreCounted(RestApi api, EventSender sender) {
        UUID ticketId = UUID.randomUUID();
        // no technicianId: malformed, straight to the .DLT (EVT-05)
        UUID eventId = sender.send(TOPIC, null, ticketId.toString(), "RepairClosed", "dispatch-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "workOrderId", UUID.randomUUID().toString(),
                        "occurredAt", Instant.now().toString())), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> meters.find(MessagingMetrics.DEAD_LETTERS)
                .tags("topic", TOPIC, "consumer", "revisit-happy-calls", "exception", "MalformedEventException")
                .counter() != null);
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find(api.get(DESK + "?topic=" + DLT,
                token("ops.admin", "ADMIN")).body(), eventId), java.util.Objects::nonNull);
        assertThat(letter.get("consumerGroup").asString()).isEqualTo("revisit-happy-calls");
        assertThat(letter.get("exception").asString()).endsWith("MalformedEventException");
        assertThat(meters.find(MessagingMetrics.RELAY_LAG).tag("topic", TOPIC).timer()).isNotNull();
    }

    @Test
    @DisplayName("issue 16 Kafka's records-lag of every listener is exported per consumer group and partition")
    void consumerLagPerGroup() {
        await().atMost(Duration.ofSeconds(120)).until(() -> meters.find("kafka.consumer.fetch.manager.records.lag")
                // Kafka's metric tags spell a topic's dots as underscores
                .tag(MessagingMetrics.GROUP_TAG, "revisit-happy-calls").tag("topic", TOPIC.replace('.', '_'))
                .meters().size() > 0);
    }

    private long decisions(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM revisit_decision WHERE ticket_id = :t").param("t", ticketId)
                .query(Long.class).single();
    }

    private static JsonNode find(JsonNode letters, UUID eventId) {
        return StreamSupport.stream(letters.spliterator(), false)
                .filter(letter -> eventId.toString().equals(letter.path("eventId").asString(null)))
                .findFirst().orElse(null);
    }

    private static String repairClosed(UUID ticketId, UUID workOrderId) {
        return JSON.writeValueAsString(Map.ofEntries(Map.entry("workOrderId", workOrderId.toString()),
                Map.entry("ticketId", ticketId.toString()), Map.entry("technicianId", "tech.north"),
                Map.entry("productModel", "AC-3200"), Map.entry("serialNumber", "SN-1"),
                Map.entry("entitlement", "FREE_REPAIR"), Map.entry("outcome", "FIXED"),
                Map.entry("symptom", "x"), Map.entry("causeCode", "C-1"), Map.entry("actions", "y"),
                Map.entry("partsUsed", List.of()), Map.entry("labourMinutes", 30),
                Map.entry("firstTimeFix", true), Map.entry("customerConfirmation", "SIGNED"),
                Map.entry("actor", "tech.north"), Map.entry("occurredAt", Instant.now().toString())));
    }
}
