package com.opensvc.aftersales.intake.complaint;

import java.time.Clock;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/** INT-19: revisit's {@code CustomerDissatisfied} reopens the ticket at the validity step. Idempotent (EVT-04). */
@Component
public class CustomerDissatisfiedListener {
    static final String CONSUMER = "intake-complaint-reopen";

    private final EventHandlers revisitEvents;

    public CustomerDissatisfiedListener(InboundEvents inbound, ComplaintService complaints, Clock clock) {
        revisitEvents = inbound.consumer(CONSUMER)
                .on(CustomerDissatisfied.class, (CustomerDissatisfied event, InboundEvent meta) ->
                        complaints.customerDissatisfied(event.ticketId(), event.comment(),
                                event.actor() == null ? meta.source() : event.actor(),
                                meta.time() == null ? clock.instant() : meta.time()))
                .build();
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.revisit.revisit")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        revisitEvents.handle(record);
    }

    EventHandlers revisitEvents() {
        return revisitEvents;
    }

    /** Intake's reading of revisit's CustomerDissatisfied v1: the ticket, and who said what. */
    record CustomerDissatisfied(@NotNull UUID ticketId, String comment, String actor) {
    }
}
