package com.opensvc.aftersales.revisit.conflict;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the persons each complaint is about, from TicketRegistered and TicketReopened (INT-12). Idempotent. */
@Component
public class ComplaintSubjectsListener {
    static final String CONSUMER = "revisit-complaint-subjects";

    private final ComplaintSubjects subjects;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public ComplaintSubjectsListener(ComplaintSubjects subjects, ProcessedEvents processed, JsonMapper json) {
        this.subjects = subjects;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.intake.ticket")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        String field = switch (event.eventType()) {
            case "TicketRegistered" -> "complaintSubjects";
            case "TicketReopened" -> "subjects";
            default -> null;
        };
        if (field == null || !event.payload().has(field) || !processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        JsonNode names = event.payload().get(field);
        if (!names.isArray()) {
            throw new MalformedEventException("event " + event.id() + " has a " + field + " that is not an array");
        }
        List<String> persons = new ArrayList<>();
        names.forEach(name -> persons.add(name.asString()));
        subjects.record(event.uuid("ticketId"), persons);
    }
}
