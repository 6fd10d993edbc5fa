package com.opensvc.aftersales.revisit.ticketfact;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotNull;

/**
 * Keeps revisit's ticket facts from intake's TicketRegistered and TicketAccepted; every other ticket event is ignored.
 * Idempotent (EVT-04): a redelivery writes the same values; an older event never overwrites a newer acceptance.
 */
@Configuration(proxyBeanMethods = false)
class TicketFactsListener {
    static final String CONSUMER = "revisit-ticket-facts";

    @Bean
    EventHandlers ticketFactEvents(InboundEvents inbound, TicketFacts facts) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(TicketRegistered.class, registered -> facts.registered(registered))
                .on(TicketAccepted.class, accepted -> facts.accepted(accepted))
                .build();
    }

    /** What revisit reads of intake's TicketRegistered v1. */
    record TicketRegistered(@NotNull UUID ticketId, String ticketNumber, String kind, String channel, String category,
                            String productLine, String productModel, @NotNull Instant occurredAt) {
    }

    /** What revisit reads of intake's TicketAccepted v1 (it is accepted again after a reopen: the latest wins). */
    record TicketAccepted(@NotNull UUID ticketId, String ticketNumber, String kind, String productLine,
                          String productModel, String serialNumber, UUID customerId, String customerRegion,
                          UUID installedProductId, @NotNull Instant occurredAt) {
    }
}
