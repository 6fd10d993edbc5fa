package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Closing a resolved ticket: the revisit (REV-05, REV-06) and, where quality must report, its report (INT-05). */
@IntakeServiceTest
class TicketClosingTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String DEFECTS = "aftersales.quality.defect";
    private static final String REVISITS = "aftersales.revisit.revisit";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private EventSender sender;
    @ProbeTopics(TICKETS)
    private EventProbe ticketEvents;
    @ProbeTopics({DEFECTS + ".DLT", REVISITS + ".DLT"})
    private EventProbe deadLetters;
    private final String desk = token("desk.li", "FRONT_DESK");

    @Test
    @DisplayName("INT-05 revisit first: the ticket stays RESOLVED waiting for quality's report, and closes when it arrives")
    void INT05_revisitFirstThenReport() {
        String id = resolvedTicket("EMAIL");
        revisitCompleted(id);
        awaitHistory(id, "WAITING_FOR_IMPROVEMENT_REPORT");
        assertThat(state(id)).isEqualTo("RESOLVED");
        assertThat(timelineDetails(id)).anyMatch(d -> d.contains("waiting for quality's improvement report (INT-05)"));

        improvementReport(id);
        awaitState(id, "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(closed, "ce_type"), closed.value())).isEmpty();
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitCompleted");
        assertThat(timelineTypes(id)).contains("ImprovementReportIssued", "IMPROVEMENT_REPORT_ISSUED", "CLOSED");
    }

    @Test
    @DisplayName("INT-05 report first: the report is recorded and the ticket closes as soon as the revisit is done")
    void INT05_reportFirstThenRevisit() {
        String id = resolvedTicket("WALK_IN");
        improvementReport(id);
        awaitHistory(id, "IMPROVEMENT_REPORT_ISSUED");
        assertThat(state(id)).isEqualTo("RESOLVED");

        revisitCompleted(id);
        awaitState(id, "CLOSED");
        ticketEvents.awaitType("TicketClosed", id, Duration.ofSeconds(30));
        assertThat(timelineTypes(id)).doesNotContain("WAITING_FOR_IMPROVEMENT_REPORT");
    }

    @Test
    @DisplayName("INT-05 a ticket quality need not report on (PHONE) closes on the revisit alone")
    void INT05_noReportNeededClosesOnRevisit() {
        String id = resolvedTicket("PHONE");
        revisitCompleted(id);
        awaitState(id, "CLOSED");
    }

    @Test
    @DisplayName("REV-06 an unreachable customer counts as done: the ticket closes because RevisitUnreachable, on the timeline")
    void REV06_unreachableClosesTheTicket() {
        String id = resolvedTicket("PHONE");
        revisitUnreachable(id, UUID.randomUUID());
        awaitState(id, "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", id, Duration.ofSeconds(30));
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitUnreachable");
        assertThat(timelineTypes(id)).contains("RevisitUnreachable");
        assertThat(timelineDetails(id)).anyMatch(d -> d.contains("unreachable") && d.contains("3 attempts"));
    }

    @Test
    @DisplayName("REV-06 INT-05 unreachable is subject to the quality gate: waits for the report, then closes as RevisitUnreachable")
    void REV06_unreachableWaitsForTheReport() {
        String id = resolvedTicket("EMAIL");
        UUID revisitId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        sender.send(REVISITS, null, id, "RevisitUnreachable", "revisit-service", unreachable(id, revisitId), eventId);
        sender.send(REVISITS, null, id, "RevisitUnreachable", "revisit-service", unreachable(id, revisitId), eventId);
        awaitHistory(id, "WAITING_FOR_IMPROVEMENT_REPORT");
        improvementReport(id);
        awaitState(id, "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", id, Duration.ofSeconds(30));
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitUnreachable");
        assertThat(timelineTypes(id)).filteredOn("WAITING_FOR_IMPROVEMENT_REPORT"::equals).as("EVT-04").hasSize(1);
    }

    @Test
    @DisplayName("EVT-05 INT-05 REV-06 malformed ImprovementReportIssued and RevisitUnreachable go to the dead-letter topics")
    void EVT05_malformedEventsAreDeadLettered() {
        String id = resolvedTicket("EMAIL");
        sender.send(DEFECTS, id, "ImprovementReportIssued", "quality-service",
                "{\"ticketId\":\"%s\",\"summary\":\"no report id\",\"actor\":\"qe.sun\"}".formatted(id));
        sender.send(REVISITS, id, "RevisitUnreachable", "revisit-service",
                "{\"ticketId\":\"%s\",\"revisitId\":\"%s\",\"attempts\":\"many\",\"actor\":\"agent\"}".formatted(id, UUID.randomUUID()));

        deadLetters.await(r -> id.equals(r.key()) && r.topic().equals(DEFECTS + ".DLT"), Duration.ofSeconds(30));
        deadLetters.await(r -> id.equals(r.key()) && r.topic().equals(REVISITS + ".DLT"), Duration.ofSeconds(30));
        assertThat(state(id)).isEqualTo("RESOLVED");
        assertThat(timelineTypes(id)).doesNotContain("IMPROVEMENT_REPORT_ISSUED", "ImprovementReportIssued");
    }

    /** Registers, accepts and resolves a ticket (WorkOrderCreated then RepairClosed from dispatch). */
    private String resolvedTicket(String channel) {
        Map<String, Object> request = new HashMap<>(phoneTicket("SN-CLOSE-" + UUID.randomUUID(), today().toString()));
        request.put("channel", channel);
        var registered = api.post("/api/intake/tickets", request, desk);
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        UUID workOrderId = UUID.randomUUID();
        String body = "{\"ticketId\":\"%s\",\"workOrderId\":\"%s\",\"actor\":\"tech.north\",\"occurredAt\":\"%s\"}"
                .formatted(id, workOrderId, Instant.now());
        sender.send(WORK_ORDERS, id, "WorkOrderCreated", "dispatch-service", body);
        sender.send(WORK_ORDERS, id, "RepairClosed", "dispatch-service", body);
        awaitState(id, "RESOLVED");
        return id;
    }

    private void revisitCompleted(String id) {
        sender.send(REVISITS, id, "RevisitCompleted", "revisit-service", """
                {"revisitId":"%s","ticketId":"%s","workOrderId":"%s","satisfaction":"SATISFIED","flaggedForReview":false,
                 "actor":"callcenter.anna","occurredAt":"%s"}""".formatted(UUID.randomUUID(), id, UUID.randomUUID(), Instant.now()));
    }

    private void revisitUnreachable(String id, UUID revisitId) {
        sender.send(REVISITS, id, "RevisitUnreachable", "revisit-service", unreachable(id, revisitId));
    }

    private static String unreachable(String id, UUID revisitId) {
        return """
                {"revisitId":"%s","ticketId":"%s","attempts":3,"actor":"system:revisit-scheduler","occurredAt":"%s"}"""
                .formatted(revisitId, id, Instant.now());
    }

    private void improvementReport(String id) {
        sender.send(DEFECTS, id, "ImprovementReportIssued", "quality-service", """
                {"reportId":"%s","ticketId":"%s","summary":"Relay lot quarantined","rootCause":"PURCHASING",
                 "actor":"qe.sun","occurredAt":"%s"}""".formatted(UUID.randomUUID(), id, Instant.now()));
    }

    private String state(String id) {
        return api.get("/api/intake/tickets/" + id, desk).body().get("state").asString();
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals(state));
    }

    private void awaitHistory(String id, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(id).contains(type));
    }

    private List<String> timelineTypes(String id) {
        return types(timeline(id));
    }

    private List<String> timelineDetails(String id) {
        return timeline(id).valueStream().map(e -> e.get("detail").isNull() ? "" : e.get("detail").asString()).toList();
    }

    private JsonNode timeline(String id) {
        return Tickets.timeline(api, id, desk);
    }
}
