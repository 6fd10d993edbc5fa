package com.opensvc.aftersales.dispatch.workorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/** TicketAccepted opens work orders; PartsIssued readies them. Idempotent (EVT-04). */
@Configuration(proxyBeanMethods = false)
class WorkOrderEventsListener {
    static final String TICKETS = "dispatch-work-orders";
    static final String PARTS = "dispatch-parts";

    @Bean
    EventHandlers ticketEvents(InboundEvents inbound, WorkOrderService service) {
        return inbound.consumer(TICKETS, "aftersales.intake.ticket")
                .on(TicketAccepted.class, ticket -> service.createFor(ticket))
                .build();
    }

    @Bean
    EventHandlers partsEvents(InboundEvents inbound, WorkOrderService service) {
        return inbound.consumer(PARTS, "aftersales.parts.stock")
                .on(PartsIssued.class, parts -> service.partsIssued(parts))
                .build();
    }
}
