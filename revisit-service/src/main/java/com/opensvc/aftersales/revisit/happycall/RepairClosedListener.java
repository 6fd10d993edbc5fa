package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/** RepairClosed → maybe a happy call (REV-01). Idempotent (EVT-04). */
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
        Instant closedAt = Instant.parse(event.text("occurredAt"));
        revisits.repairClosed(event.uuid("ticketId"), event.uuid("workOrderId"), event.text("technicianId"), closedAt);
    }
}
