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

import tools.jackson.databind.json.JsonMapper;

/**
 * INT-13 REV-01: a resolved ticket closes on the revisit service's decision about its work order — RevisitNotRequired
 * (not sampled) or the outcome of a scheduled revisit — once no scheduled revisit is outstanding, with INT-05's and
 * INT-11's conditions. The facts arrive in any order across topics.
 */
@IntakeServiceTest
class RevisitDecisionClosingTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String DEFECTS = "aftersales.quality.defect";
    private static final String REVISITS = "aftersales.revisit.revisit";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private EventSender sender;
    @ProbeTopics(TICKETS)
    private EventProbe ticketEvents;
    @ProbeTopics(REVISITS + ".DLT")
    private EventProbe deadLetters;
    private final String desk = token("desk.li", "FRONT_DESK");

    private record Resolved(String id, UUID workOrderId) {
    }

    @Test
    @DisplayName("INT-13 REV-01 a work order that is not sampled closes the ticket: TicketClosed because RevisitNotRequired, once (EVT-04)")
    void INT13_REV01_notSampledCloses() {
        Resolved ticket = resolvedTicket("PHONE");
        UUID eventId = UUID.randomUUID();
        sender.send(REVISITS, null, ticket.id(), "RevisitNotRequired", "revisit-service", notRequired(ticket), eventId);
        sender.send(REVISITS, null, ticket.id(), "RevisitNotRequired", "revisit-service", notRequired(ticket), eventId);

        awaitState(ticket.id(), "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", ticket.id(), WAIT);
        assertThat(EventContracts.load().validate(EventProbe.header(closed, "ce_type"), closed.value())).isEmpty();
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitNotRequired");
        assertThat(timelineTypes(ticket.id())).contains("RevisitNotRequired").filteredOn("CLOSED"::equals).hasSize(1);
    }

    @Test
    @DisplayName("INT-13 REV-01 the decision may arrive before the repair's own event: the ticket closes as soon as it is resolved")
    void INT13_REV01_decisionBeforeRepairClosed() {
        Resolved ticket = inServiceTicket("PHONE");
        sender.send(REVISITS, ticket.id(), "RevisitNotRequired", "revisit-service", notRequired(ticket));
        await().atMost(WAIT).until(() -> timelineTypes(ticket.id()).contains("RevisitNotRequired"));
        assertThat(state(ticket.id())).isEqualTo("IN_SERVICE");

        sender.send(WORK_ORDERS, ticket.id(), "RepairClosed", "dispatch-service", workOrderFact(ticket));
        awaitState(ticket.id(), "CLOSED");
    }

    @Test
    @DisplayName("INT-13 REV-01 a sampled work order: RevisitScheduled keeps the ticket RESOLVED, RevisitCompleted closes it")
    void INT13_REV01_scheduledThenCompleted() {
        Resolved ticket = resolvedTicket("PHONE");
        UUID revisitId = UUID.randomUUID();
        sender.send(REVISITS, ticket.id(), "RevisitScheduled", "revisit-service", scheduled(ticket, revisitId, "HAPPY_CALL"));
        await().atMost(WAIT).until(() -> timelineTypes(ticket.id()).contains("RevisitScheduled"));
        assertThat(state(ticket.id())).isEqualTo("RESOLVED");

        sender.send(REVISITS, ticket.id(), "RevisitCompleted", "revisit-service", completed(ticket, revisitId));
        awaitState(ticket.id(), "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", ticket.id(), WAIT);
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitCompleted");
    }

    @Test
    @DisplayName("INT-13 REV-01 REV-02 a complaint revisit still outstanding holds the close when the work order is not sampled; its completion closes")
    void INT13_REV02_outstandingComplaintRevisitHoldsTheClose() {
        Resolved ticket = inServiceTicket("PHONE");
        UUID complaintRevisit = UUID.randomUUID();
        sender.send(REVISITS, ticket.id(), "RevisitScheduled", "revisit-service",
                scheduled(ticket, complaintRevisit, "COMPLAINT_REVISIT"));
        sender.send(WORK_ORDERS, ticket.id(), "RepairClosed", "dispatch-service", workOrderFact(ticket));
        awaitState(ticket.id(), "RESOLVED");
        sender.send(REVISITS, ticket.id(), "RevisitNotRequired", "revisit-service", notRequired(ticket));

        await().atMost(WAIT).until(() -> timelineTypes(ticket.id()).contains("WAITING_FOR_REVISIT"));
        assertThat(state(ticket.id())).isEqualTo("RESOLVED");
        assertThat(timelineDetails(ticket.id())).anyMatch(d -> d.contains("1 scheduled revisit(s) (REV-01)"));

        sender.send(REVISITS, ticket.id(), "RevisitCompleted", "revisit-service", completed(ticket, complaintRevisit));
        awaitState(ticket.id(), "CLOSED");
    }

    @Test
    @DisplayName("INT-13 INT-05 a quality channel's ticket waits for ImprovementReportIssued after RevisitNotRequired too")
    void INT13_INT05_qualityChannelWaitsForTheReport() {
        Resolved ticket = resolvedTicket("EMAIL");
        sender.send(REVISITS, ticket.id(), "RevisitNotRequired", "revisit-service", notRequired(ticket));
        await().atMost(WAIT).until(() -> timelineTypes(ticket.id()).contains("WAITING_FOR_IMPROVEMENT_REPORT"));
        assertThat(state(ticket.id())).isEqualTo("RESOLVED");

        sender.send(DEFECTS, ticket.id(), "ImprovementReportIssued", "quality-service", """
                {"reportId":"%s","ticketId":"%s","summary":"Relay lot quarantined","rootCause":"PURCHASING",
                 "actor":"qe.sun","occurredAt":"%s"}""".formatted(UUID.randomUUID(), ticket.id(), Instant.now()));
        awaitState(ticket.id(), "CLOSED");
        ConsumerRecord<String, String> closed = ticketEvents.awaitType("TicketClosed", ticket.id(), WAIT);
        assertThat(JSON.readTree(closed.value()).get("closedBecause").asString()).isEqualTo("RevisitNotRequired");
    }

    @Test
    @DisplayName("INT-13 EVT-05 a RevisitNotRequired without its work order goes to the dead-letter topic and closes nothing")
    void EVT05_malformedNotRequired() {
        Resolved ticket = resolvedTicket("PHONE");
        sender.send(REVISITS, ticket.id(), "RevisitNotRequired", "revisit-service", """
                {"ticketId":"%s","technicianId":"tech.north","reason":"NOT_SAMPLED","samplingRate":0.05,
                 "actor":"system:revisit-sampling","occurredAt":"%s"}""".formatted(ticket.id(), Instant.now()));
        deadLetters.await(r -> ticket.id().equals(r.key()), WAIT);
        assertThat(state(ticket.id())).isEqualTo("RESOLVED");
    }

    /** Registers and accepts a ticket of {@code channel}; dispatch's WorkOrderCreated puts it in service. */
    private Resolved inServiceTicket(String channel) {
        Map<String, Object> request = new HashMap<>(phoneTicket("SN-DECIDE-" + UUID.randomUUID(), today().toString()));
        request.put("channel", channel);
        var registered = api.post("/api/intake/tickets", request, desk);
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        Resolved ticket = new Resolved(id, UUID.randomUUID());
        sender.send(WORK_ORDERS, id, "WorkOrderCreated", "dispatch-service", workOrderFact(ticket));
        awaitState(id, "IN_SERVICE");
        return ticket;
    }

    private Resolved resolvedTicket(String channel) {
        Resolved ticket = inServiceTicket(channel);
        sender.send(WORK_ORDERS, ticket.id(), "RepairClosed", "dispatch-service", workOrderFact(ticket));
        awaitState(ticket.id(), "RESOLVED");
        return ticket;
    }

    private static String workOrderFact(Resolved ticket) {
        return "{\"ticketId\":\"%s\",\"workOrderId\":\"%s\",\"actor\":\"tech.north\",\"occurredAt\":\"%s\"}"
                .formatted(ticket.id(), ticket.workOrderId(), Instant.now());
    }

    private static String notRequired(Resolved ticket) {
        return """
                {"ticketId":"%s","workOrderId":"%s","technicianId":"tech.north","reason":"NOT_SAMPLED","samplingRate":0.05,
                 "actor":"system:revisit-sampling","occurredAt":"%s"}""".formatted(ticket.id(), ticket.workOrderId(), Instant.now());
    }

    private static String scheduled(Resolved ticket, UUID revisitId, String kind) {
        return """
                {"revisitId":"%s","ticketId":"%s","workOrderId":"%s","kind":"%s","dueBy":"%s",
                 "actor":"system:revisit-sampling","occurredAt":"%s"}"""
                .formatted(revisitId, ticket.id(), ticket.workOrderId(), kind, Instant.now().plus(Duration.ofDays(1)),
                        Instant.now());
    }

    private static String completed(Resolved ticket, UUID revisitId) {
        return """
                {"revisitId":"%s","ticketId":"%s","workOrderId":"%s","satisfaction":"SATISFIED","flaggedForReview":false,
                 "actor":"callcenter.anna","occurredAt":"%s"}""".formatted(revisitId, ticket.id(), ticket.workOrderId(), Instant.now());
    }

    private String state(String id) {
        return api.get("/api/intake/tickets/" + id, desk).body().get("state").asString();
    }

    private void awaitState(String id, String state) {
        await().atMost(WAIT).until(() -> state(id).equals(state));
    }

    private List<String> timelineTypes(String id) {
        return types(Tickets.timeline(api, id, desk));
    }

    private List<String> timelineDetails(String id) {
        return Tickets.timeline(api, id, desk).valueStream()
                .map(e -> e.get("detail").isNull() ? "" : e.get("detail").asString()).toList();
    }
}
