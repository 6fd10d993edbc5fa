package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/** RepairClosed → a happy call if sampled (REV-01); every other work-order event is ignored. Idempotent (EVT-04). */
@Component
public class RepairClosedListener {
    static final String CONSUMER = "revisit-happy-calls";

    private final RevisitService revisits;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public RepairClosedListener(RevisitService revisits, ProcessedEvents processed, JsonMapper json) {
        this.revisits = revisits;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.dispatch.workorder")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"RepairClosed".equals(event.eventType()) || !processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        revisits.repairClosed(event.uuid("ticketId"), event.uuid("workOrderId"), event.text("technicianId"),
                closedAt(event));
    }

    private static Instant closedAt(InboundEvent event) {
        try {
            return Instant.parse(event.text("occurredAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") has a malformed occurredAt");
        }
    }
}
