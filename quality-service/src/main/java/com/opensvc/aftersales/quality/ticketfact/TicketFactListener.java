package com.opensvc.aftersales.quality.ticketfact;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/** intake's TicketRegistered and TicketAccepted keep quality's ticket facts; other events are ignored (EVT-04). */
@Configuration(proxyBeanMethods = false)
class TicketFactListener {
    static final String CONSUMER = "quality-ticket-facts";

    @Bean
    EventHandlers ticketFactEvents(InboundEvents inbound, TicketFacts facts) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(TicketRegistered.class, registered -> facts.registered(registered))
                .on(TicketAccepted.class, accepted -> facts.accepted(accepted))
                .build();
    }
}
