package com.opensvc.aftersales.revisit.conflict;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RevisitServiceTest
class ComplaintSubjectRevisitTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("INT-12 a person the complaint is about cannot be its revisit agent")
    void INT12_subjectIsNeverTheRevisitAgent(RestApi api, EventSender sender) {
        UUID ticketId = UUID.randomUUID();
        sender.send("aftersales.intake.ticket", ticketId.toString(), "TicketRegistered", "intake-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "ticketNumber", "T-2026-000777",
                        "channel", "PHONE", "serviceType", "ON_SITE", "productModel", "AC-3200", "kind", "COMPLAINT",
                        "complaintSubjects", java.util.List.of("agent.he"), "actor", "desk.li",
                        "occurredAt", Instant.now().toString())));
        sender.send("aftersales.dispatch.workorder", ticketId.toString(), "RepairClosed", "dispatch-service",
                JSON.writeValueAsString(Map.ofEntries(Map.entry("workOrderId", UUID.randomUUID().toString()),
                        Map.entry("ticketId", ticketId.toString()), Map.entry("technicianId", "tech.north"),
                        Map.entry("productModel", "AC-3200"), Map.entry("serialNumber", "SN-1"),
                        Map.entry("entitlement", "FREE_REPAIR"), Map.entry("outcome", "FIXED"),
                        Map.entry("symptom", "x"), Map.entry("causeCode", "C-1"), Map.entry("actions", "y"),
                        Map.entry("partsUsed", java.util.List.of()), Map.entry("labourMinutes", 30),
                        Map.entry("firstTimeFix", false), Map.entry("customerConfirmation", "SIGNED"),
                        // a repeat repair (DSP-01) always gets its happy call (REV-01)
                        Map.entry("previousWorkOrderId", UUID.randomUUID().toString()),
                        Map.entry("actor", "tech.north"), Map.entry("occurredAt", Instant.now().toString()))));
        String subjectAgent = token("agent.he", "REVISIT_AGENT");
        JsonNode revisit = await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/revisit/revisits?ticketId=" + ticketId, subjectAgent).body(), b -> b.isArray() && b.size() == 1).get(0);
        // REV-02: the complaint is handled (rejected), so its happy call may be made
        sender.send("aftersales.intake.ticket", ticketId.toString(), "TicketRejected", "intake-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "ticketNumber", "T-2026-000777",
                        "explanation", "not valid", "actor", "sup.wang", "occurredAt", Instant.now().plusSeconds(1).toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_handling WHERE ticket_id = :t AND NOT handling").param("t", ticketId).query(Long.class).single() == 1);
        Map<String, Object> answers = Map.of("serviceQuality", "SATISFIED", "technicalSkill", "SATISFIED",
                "chargeReasonable", true, "punctuality", "SATISFIED", "overall", "SATISFIED", "comment", "fine");
        String path = "/api/revisit/revisits/" + revisit.get("id").asString() + "/outcome";

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_subject WHERE ticket_id = :t").param("t", ticketId).query(Long.class).single() == 1);
        var refused = api.post(path, answers, subjectAgent);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asString()).contains("INT-12");
        assertThat(api.post(path, answers, token("agent.ma", "REVISIT_AGENT")).status()).isEqualTo(200);
    }
}
