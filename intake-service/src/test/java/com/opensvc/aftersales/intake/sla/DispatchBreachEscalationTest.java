package com.opensvc.aftersales.intake.sla;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.Tickets.types;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/** SLA-06: dispatch's visit-clock breaches escalate the ticket one level, as intake's own breaches do. */
@IntakeServiceTest
class DispatchBreachEscalationTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private EventSender sender;
    @ProbeTopics("aftersales.intake.ticket")
    private EventProbe ticketEvents;
    private final String desk = token("desk.li", "FRONT_DESK");

    @Test
    @DisplayName("SLA-06 dispatch's first breach escalates the ticket to level 1 (TicketEscalated, level-1 roles, timeline); "
            + "the same breach again counts once (EVT-04); the next breach is level 2")
    void SLA06_dispatchBreachEscalates() {
        String id = acceptedTicket();
        UUID workOrderId = UUID.randomUUID();
        Instant due = Instant.now().minus(Duration.ofHours(1));
        sender.send(WORK_ORDERS, id, "SlaBreached", "dispatch-service", breach(id, workOrderId, "ARRIVAL", due));

        ConsumerRecord<String, String> first = ticketEvents.awaitType("TicketEscalated", id, WAIT);
        assertThat(EventContracts.load().validate(EventProbe.header(first, "ce_type"), first.value())).isEmpty();
        JsonNode escalated = JSON.readTree(first.value());
        assertThat(escalated.get("level").asInt()).isEqualTo(1);
        assertThat(escalated.get("notifyRoles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "REVISIT_AGENT");
        assertThat(escalated.get("reason").asString()).contains("ARRIVAL", workOrderId.toString());
        await().atMost(WAIT).until(() -> timelineTypes(id).contains("ESCALATED"));
        assertThat(timelineTypes(id)).contains("SlaBreached", "SLA_BREACHED");

        // the same breach delivered again under a new event id, then the FIX clock's breach
        sender.send(WORK_ORDERS, id, "SlaBreached", "dispatch-service", breach(id, workOrderId, "ARRIVAL", due));
        sender.send(WORK_ORDERS, id, "SlaBreached", "dispatch-service", breach(id, workOrderId, "FIX", due));
        ConsumerRecord<String, String> second = ticketEvents.await(r -> id.equals(r.key())
                && EventProbe.eventType(r).equals("TicketEscalated") && r.offset() != first.offset(), WAIT);
        assertThat(JSON.readTree(second.value()).get("level").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(second.value()).get("reason").asString()).contains("FIX");
        assertThat(ticketEvents.drain(Duration.ofSeconds(2))).filteredOn(r -> id.equals(r.key())
                && EventProbe.eventType(r).equals("TicketEscalated")).hasSize(2);
        assertThat(timelineTypes(id)).filteredOn("ESCALATED"::equals).hasSize(2);
    }

    private String acceptedTicket() {
        var registered = api.post("/api/intake/tickets", phoneTicket("SN-BREACH-" + UUID.randomUUID(), today().toString()), desk);
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        return id;
    }

    private static String breach(String id, UUID workOrderId, String clock, Instant due) {
        return """
                {"ticketId":"%s","workOrderId":"%s","clock":"%s","dueAt":"%s","breachedAt":"%s","technicianId":"tech.north",
                 "escalationLevel":1,"notifyRoles":["SERVICE_DIRECTOR","CUSTOMER_MANAGER","REVISIT_AGENT"],
                 "actor":"system:dispatch-sla","occurredAt":"%s"}"""
                .formatted(id, workOrderId, clock, due, due.plusSeconds(30), Instant.now());
    }

    private List<String> timelineTypes(String id) {
        return types(Tickets.timeline(api, id, desk));
    }
}
