package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RevisitServiceTest
class RevisitFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String REPAIR_CLOSED_AT = "2026-11-23T02:00:00Z";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    @ProbeTopics(WORK_ORDERS + ".DLT")
    private EventProbe deadLetters;
    private EventSender sender;
    private final String agent = token("agent.he", "REVISIT_AGENT");

    private List<String> deadLetterKeys() {
        return deadLetters.drain(Duration.ofSeconds(1)).stream().map(ConsumerRecord::key).toList();
    }

    private static String repairClosed(UUID ticketId, UUID workOrderId) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-1","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"%s"}"""
                .formatted(workOrderId, ticketId, REPAIR_CLOSED_AT);
    }

    /** The event's body, after checking it is keyed by the ticket and valid against its schema (EVT-02, EVT-03). */
    private static JsonNode validEvent(ConsumerRecord<String, String> record, UUID ticketId) {
        assertThat(record.key()).isEqualTo(ticketId.toString());
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(ticketId.toString());
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return JSON.readTree(record.value());
    }

    private JsonNode revisitsOf(UUID ticketId) {
        var response = api.get("/api/revisit/revisits?ticketId=" + ticketId, agent);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** A work order the sampling selects at the configured 10 % (REV-01: its value is below the rate). */
    static UUID sampledWorkOrderId() {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (!HappyCallSampling.sampled(id, 0.10));
        return id;
    }

    /** A completed repair that is sampled, and the happy call it schedules. */
    private JsonNode scheduledRevisit(UUID ticketId) {
        UUID workOrderId = sampledWorkOrderId();
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service", repairClosed(ticketId, workOrderId));
        JsonNode scheduled = validEvent(
                probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(scheduled.get("kind").asString()).isEqualTo("HAPPY_CALL");
        assertThat(scheduled.get("selection").asString()).isEqualTo("SAMPLED");
        assertThat(scheduled.get("workOrderId").asString()).isEqualTo(workOrderId.toString());
        assertThat(Instant.parse(scheduled.get("dueBy").asString()))
                .isEqualTo(Instant.parse(REPAIR_CLOSED_AT).plus(Duration.ofDays(7)));

        JsonNode revisit = await().atMost(Duration.ofSeconds(10)).until(() -> revisitsOf(ticketId), b -> b.size() == 1).get(0);
        assertThat(revisit.get("id").asString()).isEqualTo(scheduled.get("revisitId").asString());
        assertThat(revisit.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(revisit.get("technicianId").asString()).isEqualTo("tech.north");
        return revisit;
    }

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", "SATISFIED", "technicalSkill", "VERY_SATISFIED", "chargeReasonable", true,
                "punctuality", "SATISFIED", "overall", overall, "comment", "polite and quick");
    }

    private RestApi.Response recordOutcome(String revisitId, Object answers) {
        return api.post("/api/revisit/revisits/" + revisitId + "/outcome", answers, agent);
    }

    @Test
    @DisplayName("REV-01 REV-05 satisfied completes the happy call and publishes RevisitCompleted, not flagged")
    void REV05_satisfiedCompletes() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        var response = recordOutcome(id, answers("SATISFIED"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("state").asString()).isEqualTo("COMPLETED");
        JsonNode completed = validEvent(
                probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(completed.get("revisitId").asString()).isEqualTo(id);
        assertThat(completed.get("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(completed.get("flaggedForReview").asBoolean()).isFalse();
        assertThat(completed.get("actor").asString()).isEqualTo("agent.he");

        JsonNode stored = api.get("/api/revisit/revisits/" + id, agent).body();
        assertThat(stored.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(stored.get("overall").asString()).isEqualTo("SATISFIED");
        assertThat(stored.get("technicalSkill").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(stored.get("chargeReasonable").asBoolean()).isTrue();
        assertThat(stored.get("comment").asString()).isEqualTo("polite and quick");
        assertThat(stored.get("agent").asString()).isEqualTo("agent.he");
        assertThat(stored.get("completedAt").isNull()).isFalse();
    }

    @Test
    @DisplayName("REV-05 neutral completes the happy call flagged for the supervisor's review")
    void REV05_neutralIsFlagged() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        var response = recordOutcome(id, answers("NEUTRAL"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("state").asString()).isEqualTo("COMPLETED");
        JsonNode completed = validEvent(
                probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(completed.get("satisfaction").asString()).isEqualTo("NEUTRAL");
        assertThat(completed.get("flaggedForReview").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("REV-05 dissatisfied ends the revisit DISSATISFIED and publishes CustomerDissatisfied")
    void REV05_dissatisfiedPublishesCustomerDissatisfied() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        var response = recordOutcome(id, answers("DISSATISFIED"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("state").asString()).isEqualTo("DISSATISFIED");
        JsonNode dissatisfied = validEvent(
                probe.awaitType("CustomerDissatisfied", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(dissatisfied.get("revisitId").asString()).isEqualTo(id);
        assertThat(dissatisfied.get("comment").asString()).isEqualTo("polite and quick");
        assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(r -> ticketId.toString().equals(r.key())
                && EventProbe.eventType(r).equals("RevisitCompleted"));
        assertThat(api.get("/api/revisit/revisits/" + id, agent).body().get("state").asString()).isEqualTo("DISSATISFIED");
    }

    @Test
    @DisplayName("REV-05 a second outcome on a finished revisit is refused 409 with the current state")
    void REV05_secondOutcomeIsConflict() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();
        assertThat(recordOutcome(id, answers("DISSATISFIED")).status()).isEqualTo(200);

        var again = recordOutcome(id, answers("VERY_SATISFIED"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("DISSATISFIED");
        JsonNode stored = api.get("/api/revisit/revisits/" + id, agent).body();
        assertThat(stored.get("state").asString()).isEqualTo("DISSATISFIED");
        assertThat(stored.get("overall").asString()).isEqualTo("DISSATISFIED");
        assertThat(stored.get("version").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("REV-04 a refused survey records nothing; a comment of 2000 characters is accepted")
    void REV04_refusedSurveyRecordsNothing() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        Map<String, Object> missing = new HashMap<>(answers("SATISFIED"));
        missing.remove("technicalSkill");
        missing.remove("chargeReasonable");
        missing.remove("overall");
        missing.put("comment", "x".repeat(2001));
        var response = recordOutcome(id, missing);
        assertThat(response.status()).isEqualTo(400);
        // nothing was recorded: the revisit still waits for its call
        assertThat(api.get("/api/revisit/revisits/" + id, agent).body().get("state").asString()).isEqualTo("SCHEDULED");
        Map<String, Object> longestComment = new HashMap<>(answers("SATISFIED"));
        longestComment.put("comment", "y".repeat(2000));
        assertThat(recordOutcome(id, longestComment).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("REV-04 an outcome for an unknown revisit is 404")
    void REV04_unknownRevisitIsNotFound() {
        assertThat(recordOutcome(UUID.randomUUID().toString(), answers("SATISFIED")).status()).isEqualTo(404);
        assertThat(api.get("/api/revisit/revisits/" + UUID.randomUUID(), agent).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("EVT-04 REV-01 the same RepairClosed delivered twice schedules one happy call")
    void EVT04_duplicateRepairClosedGivesOneRevisit() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = repairClosed(ticketId, sampledWorkOrderId());
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);

        probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key())).hasSize(1);
        assertThat(revisitsOf(ticketId).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("REV-01 other work-order events are ignored without a retry or a dead letter")
    void REV01_otherEventTypesAreIgnored() {
        UUID ticketId = UUID.randomUUID();
        ObjectNode assigned = (ObjectNode) JSON.readTree(
                CONTRACTS.examples("com.opensvc.aftersales.TechnicianAssigned.v1").get(0));
        assigned.put("ticketId", ticketId.toString());
        sender.send(WORK_ORDERS, ticketId.toString(), "TechnicianAssigned", "dispatch-service", assigned.toString());
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, sampledWorkOrderId()));

        probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(revisitsOf(ticketId).size()).isEqualTo(1);
        assertThat(deadLetterKeys()).doesNotContain(ticketId.toString());
    }

    @Test
    @DisplayName("EVT-03 REV-01 revisit consumes the published schema's example of RepairClosed")
    void EVT03_consumesTheSchemaExample() {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.RepairClosed.v1").get(0));
        UUID ticketId = UUID.randomUUID();
        example.put("ticketId", ticketId.toString());
        example.put("workOrderId", sampledWorkOrderId().toString());
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service", example.toString());

        JsonNode scheduled = validEvent(
                probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30)), ticketId);
        assertThat(Instant.parse(scheduled.get("dueBy").asString()))
                .isEqualTo(Instant.parse(example.get("occurredAt").asString()).plus(Duration.ofDays(7)));
    }
}
