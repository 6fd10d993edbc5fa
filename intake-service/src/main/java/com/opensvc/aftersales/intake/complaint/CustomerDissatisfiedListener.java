package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/** INT-19: revisit's {@code CustomerDissatisfied} reopens the ticket at the validity step. Idempotent (EVT-04). */
@Component
public class CustomerDissatisfiedListener {
    static final String CONSUMER = "intake-complaint-reopen";

    private final ComplaintService complaints;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public CustomerDissatisfiedListener(ComplaintService complaints, ProcessedEvents processed, JsonMapper json) {
        this.complaints = complaints;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.revisit.revisit")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"CustomerDissatisfied".equals(event.eventType()) || !processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        String actor = event.payload().hasNonNull("actor") ? event.text("actor") : event.source();
        String comment = event.payload().hasNonNull("comment") ? event.text("comment") : null;
        complaints.customerDissatisfied(event.uuid("ticketId"), comment, actor,
                event.time() == null ? Instant.now() : event.time());
    }
}
