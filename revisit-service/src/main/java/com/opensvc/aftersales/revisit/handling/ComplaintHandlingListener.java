package com.opensvc.aftersales.revisit.handling;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/**
 * REV-02: follows whether each ticket's complaint is being handled, from intake's ticket events; every other ticket
 * event is ignored. Idempotent (EVT-04) and order-tolerant: the newest occurredAt wins.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintHandlingListener {
    static final String CONSUMER = "revisit-complaint-handling";
    static final String COMPLAINT = "COMPLAINT";

    @Bean
    EventHandlers complaintHandlingEvents(InboundEvents inbound, ComplaintHandling handling) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(TicketRegistered.class, e -> {
                    if (COMPLAINT.equals(e.kind())) {
                        handling.opened(e.ticketId(), "TicketRegistered", e.occurredAt());
                    }
                })
                .on(TicketReopened.class, e -> handling.opened(e.ticketId(), "TicketReopened", e.occurredAt()))
                .on(ComplaintFinished.class, e -> handling.handled(e.ticketId(), "ComplaintFinished", e.occurredAt()))
                .on(TicketRejected.class, e -> handling.handled(e.ticketId(), "TicketRejected", e.occurredAt()))
                .on(TicketCancelled.class, e -> handling.handled(e.ticketId(), "TicketCancelled", e.occurredAt()))
                .on(TicketClosed.class, e -> handling.handled(e.ticketId(), "TicketClosed", e.occurredAt()))
                .build();
    }

    /** A complaint (kind COMPLAINT) is being handled from its registration. */
    record TicketRegistered(@NotNull UUID ticketId, String kind, @NotNull Instant occurredAt) {
    }

    /** INT-19: the ticket's complaint is handled again. */
    record TicketReopened(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
    }

    record ComplaintFinished(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
    }

    record TicketRejected(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
    }

    record TicketCancelled(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
    }

    record TicketClosed(@NotNull UUID ticketId, @NotNull Instant occurredAt) {
    }
}
