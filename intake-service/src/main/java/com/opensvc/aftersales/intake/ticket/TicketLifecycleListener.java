package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.timeline.TimelineRepository;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every other service's event about a ticket goes on its timeline (INT-18); the ones that move the ticket
 * through its lifecycle also change its state. Idempotent (EVT-04).
 */
@Component
public class TicketLifecycleListener {
    static final String CONSUMER = "intake-ticket-lifecycle";

    private final TicketService tickets;
    private final TimelineRepository timeline;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public TicketLifecycleListener(TicketService tickets, TimelineRepository timeline, ProcessedEvents processed,
                                   JsonMapper json) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = {"aftersales.dispatch.workorder",
            "aftersales.parts.stock", "aftersales.quality.defect", "aftersales.revisit.revisit"})
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!event.payload().hasNonNull("ticketId") || !processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        UUID ticketId = event.uuid("ticketId");
        timeline.recordEvent(event, ticketId);
        String actor = event.payload().hasNonNull("actor") ? event.text("actor") : event.source();
        Instant at = event.time() == null ? Instant.now() : event.time();
        switch (event.eventType()) {
            case "WorkOrderCreated" -> tickets.workOrderCreated(ticketId, event.uuid("workOrderId"), actor, at);
            case "RepairClosed" -> tickets.repairClosed(ticketId, event.uuid("workOrderId"), actor, at);
            case "RevisitCompleted" -> tickets.revisitCompleted(ticketId, actor, at);
            case "RevisitUnreachable" -> {
                event.uuid("revisitId");
                tickets.revisitUnreachable(ticketId, attempts(event), actor, at);
            }
            case "ImprovementReportIssued" -> tickets.improvementReportIssued(ticketId, event.uuid("reportId"), actor, at);
            default -> {
                // on the timeline only
            }
        }
    }

    private static Integer attempts(InboundEvent event) {
        var attempts = event.payload().get("attempts");
        if (attempts == null || attempts.isNull()) {
            return null;
        }
        if (!attempts.isIntegralNumber() || attempts.asInt() < 1) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") has a malformed attempts");
        }
        return attempts.asInt();
    }
}
