package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;

@RevisitServiceTest
class RevisitFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String REVISITS = "aftersales.revisit.revisit";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static EventProbe probe;
    private static EventSender sender;

    @LocalServerPort
    int port;
    private RestApi api;
    private final String agent = token("agent.he", "REVISIT_AGENT");

    @BeforeAll
    static void connect() throws Exception {
        SharedInfrastructure infra = SharedInfrastructure.get();
        infra.createTopics(WORK_ORDERS, REVISITS);
        probe = new EventProbe(infra.bootstrapServers(), REVISITS);
        sender = new EventSender(infra.bootstrapServers());
    }

    @AfterAll
    static void close() {
        probe.close();
        sender.close();
    }

    @BeforeEach
    void api() {
        api = new RestApi(port);
    }

    private static String repairClosed(UUID ticketId, UUID workOrderId) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"AC-3200",
                 "serialNumber":"SN-77","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-1","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(workOrderId, ticketId);
    }

    /** A completed repair and the happy call it schedules (sampling is 100 % in revisit.yml). */
    private JsonNode scheduledRevisit(UUID ticketId) {
        sender.send(WORK_ORDERS, ticketId.toString(), "RepairClosed", "dispatch-service",
                repairClosed(ticketId, UUID.randomUUID()));
        ConsumerRecord<String, String> scheduled = probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(scheduled, "ce_type"), scheduled.value())).isEmpty();
        assertThat(scheduled.value()).contains("2026-11-30T02:00:00Z");
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body(), b -> b.size() == 1).get(0);
    }

    private static Map<String, Object> answers(String overall) {
        return Map.of("serviceQuality", "SATISFIED", "technicalSkill", "VERY_SATISFIED", "chargeReasonable", true,
                "punctuality", "SATISFIED", "overall", overall, "comment", "polite and quick");
    }

    @Test
    @DisplayName("REV-01 REV-05 satisfied completes the happy call with RevisitCompleted; a second outcome is 409")
    void REV05_satisfiedCompletes() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        var response = api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED"), agent);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("state").asString()).isEqualTo("COMPLETED");
        ConsumerRecord<String, String> completed = probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(completed, "ce_type"), completed.value())).isEmpty();
        assertThat(completed.value()).contains("\"flaggedForReview\": false");

        var again = api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED"), agent);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("REV-05 neutral completes the happy call flagged for the supervisor's review")
    void REV05_neutralIsFlagged() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        assertThat(api.post("/api/revisit/revisits/" + id + "/outcome", answers("NEUTRAL"), agent).status()).isEqualTo(200);
        ConsumerRecord<String, String> completed = probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(completed.value()).contains("\"flaggedForReview\": true").contains("NEUTRAL");
    }

    @Test
    @DisplayName("REV-05 dissatisfied publishes CustomerDissatisfied")
    void REV05_dissatisfiedPublishesCustomerDissatisfied() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId).get("id").asString();

        var response = api.post("/api/revisit/revisits/" + id + "/outcome", answers("DISSATISFIED"), agent);
        assertThat(response.body().get("state").asString()).isEqualTo("DISSATISFIED");
        ConsumerRecord<String, String> dissatisfied = probe.awaitType("CustomerDissatisfied", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(dissatisfied, "ce_type"), dissatisfied.value())).isEmpty();
    }

    @Test
    @DisplayName("REV-04 a survey with missing or wrong answers is refused naming each field")
    void REV04_badSurveyNamesFields() {
        Map<String, Object> bad = new HashMap<>(answers("SATISFIED"));
        bad.remove("technicalSkill");
        bad.remove("chargeReasonable");
        bad.put("comment", "x".repeat(2001));
        var response = api.post("/api/revisit/revisits/" + UUID.randomUUID() + "/outcome", bad, agent);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("technicalSkill", "chargeReasonable", "comment");

        Map<String, Object> wrongScale = new HashMap<>(answers("SATISFIED"));
        wrongScale.put("overall", "DELIGHTED");
        var wrong = api.post("/api/revisit/revisits/" + UUID.randomUUID() + "/outcome", wrongScale, agent);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").get(0).get("field").asString()).isEqualTo("overall");
    }

    @Test
    @DisplayName("EVT-04 the same RepairClosed twice schedules one happy call")
    void EVT04_duplicateRepairClosedGivesOneRevisit() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = repairClosed(ticketId, UUID.randomUUID());
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);
        sender.send(WORK_ORDERS, null, ticketId.toString(), "RepairClosed", "dispatch-service", payload, eventId);

        probe.awaitType("RevisitScheduled", ticketId.toString(), Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key())).hasSize(1);
        assertThat(api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("SEC-01 revisit endpoints: no token → 401; a technician cannot record an outcome → 403")
    void SEC01_rolesOnRevisit() {
        assertThat(api.get("/api/revisit/revisits", null).status()).isEqualTo(401);
        assertThat(api.post("/api/revisit/revisits/" + UUID.randomUUID() + "/outcome", answers("SATISFIED"),
                token("tech.north", "TECHNICIAN")).status()).isEqualTo(403);
    }
}
