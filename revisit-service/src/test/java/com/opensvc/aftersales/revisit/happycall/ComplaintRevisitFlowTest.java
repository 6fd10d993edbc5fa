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
        awaitHandled(ticketId);
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

    private static String complaintFinished(UUID ticketId, UUID complaintId, String contentGroup, Instant at) {
        ObjectNode example = (ObjectNode) JSON.readTree(complaintFinished(ticketId, complaintId, at));
        example.put("contentGroup", contentGroup);
        return example.toString();
    }

    private static String ticketReopened(UUID ticketId, Instant at) {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.TicketReopened.v1").get(0));
        example.put("ticketId", ticketId.toString());
        example.put("occurredAt", at.toString());
        return example.toString();
    }

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", "SATISFIED", "technicalSkill", "SATISFIED", "chargeReasonable", true,
                "punctuality", "SATISFIED", "overall", overall, "comment", "call " + overall);
    }

    private void awaitHandled(UUID ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_handling WHERE ticket_id = :t AND NOT handling").param("t", ticketId)
                .query(Long.class).single() == 1);
    }

    /** Finishes a complaint and answers its scheduled revisit (validated against its schema). */
    private JsonNode finish(UUID ticketId, String contentGroup, Instant at) {
        sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service",
                complaintFinished(ticketId, UUID.randomUUID(), contentGroup, at));
        return validEvent(probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
    }

    @Test
    @DisplayName("REV-03 REV-05 a quality complaint is revisited twice: the first satisfied call is RevisitCallRecorded and keeps it open, the second completes it")
    void REV03_qualityComplaintIsCalledTwice() {
        UUID ticketId = UUID.randomUUID();
        Instant finishedAt = Instant.parse("2026-03-05T10:12:05Z");   // a Thursday
        JsonNode scheduled = finish(ticketId, "GOODS", finishedAt);
        assertThat(scheduled.get("complaintType").asString()).isEqualTo("QUALITY");
        assertThat(scheduled.get("requiredCalls").asInt()).isEqualTo(2);
        assertThat(Instant.parse(scheduled.get("dueBy").asString())).isEqualTo(finishedAt.plus(Duration.ofHours(24)));
        // REV-03: 5 working days after Thursday's remedy end with Thursday 12 March (Shanghai)
        assertThat(Instant.parse(scheduled.get("remedyDeadline").asString())).isEqualTo(Instant.parse("2026-03-12T16:00:00Z"));
        String id = scheduled.get("revisitId").asString();
        String path = "/api/revisit/revisits/" + id + "/outcome";
        awaitHandled(ticketId);

        // SEC-01: only a revisit agent records; a technician does not even see revisits
        assertThat(api.post(path, answers("SATISFIED"), token("sup.wang", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(api.post(path, answers("SATISFIED"), token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
        assertThat(api.get("/api/revisit/revisits/" + id, token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);

        String agent = token("agent.ma", "REVISIT_AGENT");
        var first = api.post(path, answers("SATISFIED"), agent);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(first.body().get("answeredCalls").asInt()).isEqualTo(1);
        assertThat(first.body().get("requiredCalls").asInt()).isEqualTo(2);
        JsonNode recorded = validEvent(probe.awaitType("RevisitCallRecorded", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(recorded.get("revisitId").asString()).isEqualTo(id);
        assertThat(recorded.get("callNumber").asInt()).isEqualTo(1);
        assertThat(recorded.get("late").asBoolean()).isTrue();   // made now, long after the 24 hours of 2026-03
        assertThat(probe.drain(Duration.ofSeconds(2)).stream().filter(r -> ticketId.toString().equals(r.key()))
                .map(EventProbe::eventType)).doesNotContain("RevisitCompleted", "CustomerDissatisfied");

        var second = api.post(path, answers("VERY_SATISFIED"), agent);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(second.body().get("state").asString()).isEqualTo("COMPLETED");
        JsonNode completed = validEvent(probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(completed.get("revisitId").asString()).isEqualTo(id);
        assertThat(completed.get("flaggedForReview").asBoolean()).isFalse();

        JsonNode revisit = api.get("/api/revisit/revisits/" + id, token("sup.wang", "SUPERVISOR")).body();
        assertThat(revisit.get("calls").size()).isEqualTo(2);
        assertThat(revisit.get("calls").get(0).get("overall").asString()).isEqualTo("SATISFIED");
        assertThat(revisit.get("calls").get(1).get("callNumber").asInt()).isEqualTo(2);
        assertThat(revisit.get("calls").get(1).get("agent").asString()).isEqualTo("agent.ma");
        assertThat(api.post(path, answers("SATISFIED"), agent).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("REV-03 REV-05 a service complaint is revisited once; a neutral first answer adds a second call")
    void REV03_serviceComplaintOnceOrTwice() {
        String agent = token("agent.ma", "REVISIT_AGENT");
        UUID once = UUID.randomUUID();
        JsonNode scheduled = finish(once, "PEOPLE", Instant.parse("2026-03-05T10:12:05Z"));
        assertThat(scheduled.get("complaintType").asString()).isEqualTo("SERVICE");
        assertThat(scheduled.get("requiredCalls").asInt()).isEqualTo(1);
        awaitHandled(once);
        var answered = api.post("/api/revisit/revisits/" + scheduled.get("revisitId").asString() + "/outcome",
                answers("SATISFIED"), agent);
        assertThat(answered.body().get("state").asString()).isEqualTo("COMPLETED");
        validEvent(probe.awaitType("RevisitCompleted", once.toString(), Duration.ofSeconds(30)), once);

        UUID twice = UUID.randomUUID();
        String path = "/api/revisit/revisits/" + finish(twice, "TIMELINESS", Instant.parse("2026-03-05T10:12:05Z"))
                .get("revisitId").asString() + "/outcome";
        awaitHandled(twice);
        var neutral = api.post(path, answers("NEUTRAL"), agent);
        assertThat(neutral.body().get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(neutral.body().get("requiredCalls").asInt()).isEqualTo(2);
        JsonNode recorded = validEvent(probe.awaitType("RevisitCallRecorded", twice.toString(), Duration.ofSeconds(30)), twice);
        assertThat(recorded.get("overall").asString()).isEqualTo("NEUTRAL");
        assertThat(recorded.get("requiredCalls").asInt()).isEqualTo(2);
        assertThat(api.post(path, answers("SATISFIED"), agent).body().get("state").asString()).isEqualTo("COMPLETED");
        validEvent(probe.awaitType("RevisitCompleted", twice.toString(), Duration.ofSeconds(30)), twice);
    }

    @Test
    @DisplayName("REV-05 a dissatisfied answer on the first call of a quality complaint raises CustomerDissatisfied at once")
    void REV05_dissatisfiedOnTheFirstCall() {
        UUID ticketId = UUID.randomUUID();
        String id = finish(ticketId, "GOODS", Instant.parse("2026-03-05T10:12:05Z")).get("revisitId").asString();
        awaitHandled(ticketId);
        var answered = api.post("/api/revisit/revisits/" + id + "/outcome", answers("DISSATISFIED"),
                token("agent.ma", "REVISIT_AGENT"));
        assertThat(answered.body().get("state").asString()).isEqualTo("DISSATISFIED");
        JsonNode dissatisfied = validEvent(probe.awaitType("CustomerDissatisfied", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(dissatisfied.get("revisitId").asString()).isEqualTo(id);
    }

    @Test
    @DisplayName("REV-02 a revisit is never called while the ticket's complaint is being handled (TicketReopened … ComplaintFinished): 409, then allowed")
    void REV02_heldWhileTheComplaintIsHandled() {
        UUID ticketId = UUID.randomUUID();
        Instant finishedAt = Instant.parse("2026-04-01T02:00:00Z");
        String first = finish(ticketId, "PEOPLE", finishedAt).get("revisitId").asString();
        awaitHandled(ticketId);
        String agent = token("agent.ma", "REVISIT_AGENT");
        // reopened (INT-19): being handled again; an older ComplaintFinished arriving late changes nothing
        sender.send(TICKETS, ticketId.toString(), "TicketReopened", "intake-service",
                ticketReopened(ticketId, finishedAt.plus(Duration.ofHours(2))));
        sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service",
                complaintFinished(ticketId, UUID.randomUUID(), "PEOPLE", finishedAt.minus(Duration.ofDays(1))));
        JsonNode held = await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body(),
                b -> b.isArray() && b.size() >= 1 && b.get(b.size() - 1).get("onHold").asBoolean());
        assertThat(held.get(held.size() - 1).get("id").asString()).isEqualTo(first);
        var refused = api.post("/api/revisit/revisits/" + first + "/outcome", answers("SATISFIED"), agent);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("REV-02");
        assertThat(api.post("/api/revisit/revisits/" + first + "/attempts", null, agent).status()).isEqualTo(409);

        // finished again: no longer held; the new finish has its own revisit
        sender.send(TICKETS, ticketId.toString(), "ComplaintFinished", "intake-service",
                complaintFinished(ticketId, UUID.randomUUID(), "PEOPLE", finishedAt.plus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode all = api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body();
            boolean anyHeld = false;
            for (JsonNode r : all) {
                anyHeld |= r.get("onHold").asBoolean();
            }
            return all.size() == 3 && !anyHeld;
        });
        var allowed = api.post("/api/revisit/revisits/" + first + "/outcome", answers("SATISFIED"), agent);
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(200);
    }
}
