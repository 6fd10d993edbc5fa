package com.opensvc.aftersales.revisit.happycall;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * ComplaintFinished → a complaint revisit due 24 hours after the finish (REV-02); every other ticket event is
 * ignored. Idempotent (EVT-04): by event id, and one revisit per finish of a complaint in the database.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintFinishedListener {
    static final String CONSUMER = "revisit-complaint-revisits";

    @Bean
    EventHandlers complaintEvents(InboundEvents inbound, RevisitService revisits) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(ComplaintFinished.class, finished -> revisits.complaintFinished(finished))
                .build();
    }
}
