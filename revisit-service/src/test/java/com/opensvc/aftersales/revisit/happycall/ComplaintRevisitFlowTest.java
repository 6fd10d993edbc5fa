package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** REV-02 end to end within revisit: intake's ComplaintFinished in, a complaint revisit due within 24 hours out. */
@RevisitServiceTest
class ComplaintRevisitFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    JdbcClient jdbc;

    private static String complaintFinished(UUID ticketId, UUID complaintId, Instant at) {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.ComplaintFinished.v1").get(0));
        example.put("ticketId", ticketId.toString());
        example.put("complaintId", complaintId.toString());
        example.put("occurredAt", at.toString());
        return example.toString();
    }

    private static JsonNode validEvent(ConsumerRecord<String, String> record, UUID ticketId) {
        assertThat(record.key()).isEqualTo(ticketId.toString());
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private List<JsonNode> scheduledFor(UUID ticketId, Duration quiet) {
        return probe.drain(quiet).stream().filter(r -> ticketId.toString().equals(r.key())
                && EventProbe.eventType(r).equals("RevisitScheduled")).map(r -> validEvent(r, ticketId)).toList();
    }

    @Test
    @DisplayName("REV-02 EVT-04 INT-12 a finished complaint is revisited within 24 hours, once per finish; its subject may not call")
    void REV02_finishedComplaintIsRevisitedWithin24Hours() {
        UUID ticketId = UUID.randomUUID();
        UUID complaintId = UUID.randomUUID();
        Instant finishedAt = Instant.parse("2026-11-20T08:00:00Z");
        // INT-12: the complaint is about agent.he
        sender.send(TICKETS, ticketId.toString(), "TicketRegistered", "intake-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "ticketNumber", "T-2026-000778",
                        "channel", "PHONE", "serviceType", "ON_SITE", "productModel", "AC-3200", "kind", "COMPLAINT",
                        "complaintSubjects", List.of("agent.he"), "actor", "desk.li",
                        "occurredAt", finishedAt.minus(Duration.ofDays(2)).toString())));
        String payload = complaintFinished(ticketId, complaintId, finishedAt);
        UUID eventId = sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service", payload);

        JsonNode scheduled = validEvent(probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(scheduled.get("kind").asString()).isEqualTo("COMPLAINT_REVISIT");
        assertThat(scheduled.get("selection").asString()).isEqualTo("COMPLAINT");
        assertThat(scheduled.get("complaintId").asString()).isEqualTo(complaintId.toString());
        assertThat(scheduled.get("workOrderId").isNull()).isTrue();
        assertThat(Instant.parse(scheduled.get("dueBy").asString())).isEqualTo(finishedAt.plus(Duration.ofHours(24)));

        // redelivered: the same event again, and the same finish in a new event
        sender.send(TICKETS, null, ticketId.toString(), "ComplaintFinished", "intake-service", payload, eventId);
        sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service", payload);
        assertThat(scheduledFor(ticketId, Duration.ofSeconds(3))).hasSize(1);
        String agent = token("agent.ma", "REVISIT_AGENT");
        JsonNode revisits = api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body();
        assertThat(revisits.size()).isEqualTo(1);
        JsonNode revisit = revisits.get(0);
        assertThat(revisit.get("kind").asString()).isEqualTo("COMPLAINT_REVISIT");
        assertThat(revisit.get("complaintId").asString()).isEqualTo(complaintId.toString());

        // the outcome endpoint works for it; the person the complaint is about may not record it (INT-12)
        Map<String, Object> answers = Map.of("serviceQuality", "SATISFIED", "technicalSkill", "SATISFIED",
                "chargeReasonable", true, "punctuality", "SATISFIED", "overall", "SATISFIED", "comment", "resolved");
        String path = "/api/revisit/revisits/" + revisit.get("id").asString() + "/outcome";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_subject WHERE ticket_id = :t").param("t", ticketId).query(Long.class).single() == 1);
        var refused = api.post(path, answers, token("agent.he", "REVISIT_AGENT"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asString()).contains("INT-12");
        var recorded = api.post(path, answers, agent);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        JsonNode completed = validEvent(probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(completed.get("revisitId").asString()).isEqualTo(revisit.get("id").asString());
        assertThat(completed.get("workOrderId").isNull()).isTrue();

        // the complaint finished again (after a reopen): another revisit
        Instant again = finishedAt.plus(Duration.ofDays(5));
        sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service",
                complaintFinished(ticketId, complaintId, again));
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledFor(ticketId, Duration.ofMillis(300)).size() == 2);
        assertThat(Instant.parse(scheduledFor(ticketId, Duration.ofMillis(300)).get(1).get("dueBy").asString()))
                .isEqualTo(again.plus(Duration.ofHours(24)));
    }
}
