package com.opensvc.aftersales.dispatch.techsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * INT-23: a ticket the desk classified as a technical question (TicketRegistered routed to ENGINEERING) opens a
 * technical support request; every other ticket event is ignored. Idempotent (EVT-04: the inbox skips a redelivered
 * event id, the one-request-per-ticket index a second registration event).
 */
@Configuration(proxyBeanMethods = false)
class TechSupportListener {
    static final String CONSUMER = "dispatch-tech-support";

    @Bean
    EventHandlers techSupportTicketEvents(InboundEvents inbound, TechSupportService service) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(TicketRegistered.class, registered -> service.ticketRegistered(registered))
                .build();
    }
}
