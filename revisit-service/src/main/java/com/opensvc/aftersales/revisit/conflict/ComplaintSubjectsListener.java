package com.opensvc.aftersales.revisit.conflict;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/** Keeps the persons each complaint is about, from TicketRegistered and TicketReopened (INT-12). Idempotent. */
@Component
class ComplaintSubjectsListener {
    static final String CONSUMER = "revisit-complaint-subjects";
    private final EventHandlers ticketEvents;

    ComplaintSubjectsListener(InboundEvents inbound, ComplaintSubjects subjects) {
        ticketEvents = inbound.consumer(CONSUMER)
                .on(TicketRegistered.class, registered -> subjects.record(registered.ticketId(), registered.complaintSubjects()))
                .on(TicketReopened.class, reopened -> subjects.record(reopened.ticketId(), reopened.subjects()))
                .build();
    }

    /** A ticket without complaint subjects (not a complaint) has none to keep. */
    record TicketRegistered(@NotNull UUID ticketId, List<@NotNull String> complaintSubjects) {
        TicketRegistered {
            complaintSubjects = complaintSubjects == null ? List.of() : complaintSubjects;
        }
    }

    record TicketReopened(@NotNull UUID ticketId, List<@NotNull String> subjects) {
        TicketReopened {
            subjects = subjects == null ? List.of() : subjects;
        }
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.intake.ticket")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        ticketEvents.handle(record);
    }

    EventHandlers ticketEvents() {
        return ticketEvents;
    }
}
