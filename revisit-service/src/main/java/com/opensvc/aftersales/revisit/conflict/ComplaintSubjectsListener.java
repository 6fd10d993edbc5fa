package com.opensvc.aftersales.revisit.conflict;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/** Keeps the persons each complaint is about, from TicketRegistered and TicketReopened (INT-12). Idempotent. */
@Configuration(proxyBeanMethods = false)
class ComplaintSubjectsListener {
    static final String CONSUMER = "revisit-complaint-subjects";

    @Bean
    EventHandlers ticketEvents(InboundEvents inbound, ComplaintSubjects subjects) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
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
}
