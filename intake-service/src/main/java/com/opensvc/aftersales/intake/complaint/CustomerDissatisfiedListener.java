package com.opensvc.aftersales.intake.complaint;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/** INT-19: revisit's {@code CustomerDissatisfied} reopens the ticket at the validity step. Idempotent (EVT-04). */
@Configuration(proxyBeanMethods = false)
public class CustomerDissatisfiedListener {
    static final String CONSUMER = "intake-complaint-reopen";

    @Bean
    EventHandlers revisitEvents(InboundEvents inbound, ComplaintService complaints, Clock clock) {
        return inbound.consumer(CONSUMER, "aftersales.revisit.revisit")
                .on(CustomerDissatisfied.class, (CustomerDissatisfied event, InboundEvent meta) ->
                        complaints.customerDissatisfied(event.ticketId(), event.comment(),
                                event.actor() == null ? meta.source() : event.actor(),
                                meta.time() == null ? clock.instant() : meta.time()))
                .build();
    }

    /** Intake's reading of revisit's CustomerDissatisfied v1: the ticket, and who said what. */
    record CustomerDissatisfied(@NotNull UUID ticketId, String comment, String actor) {
    }
}
