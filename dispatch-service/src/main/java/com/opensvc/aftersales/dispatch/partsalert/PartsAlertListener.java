package com.opensvc.aftersales.dispatch.partsalert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * PRT-01, PRT-03: parts' flags on a work order. PartsRequestRejected and PartsWriteOffBlocked open an alert;
 * PartsIssued closes the order's refused requests, a PartsWrittenOff line naming a loan closes the loan's blocked
 * write-off. Its own consumer group, so it reads the whole topic; a ticket's events share a partition, so they arrive
 * in order. Idempotent (EVT-04: the inbox skips a redelivered event id; an open alert per reservation and per loan).
 */
@Configuration(proxyBeanMethods = false)
class PartsAlertListener {
    static final String CONSUMER = "dispatch-parts-alerts";

    @Bean
    EventHandlers partsAlertEvents(InboundEvents inbound, PartsAlertService alerts) {
        return inbound.consumer(CONSUMER, "aftersales.parts.stock")
                .on(PartsRequestRejected.class, rejected -> alerts.requestRejected(rejected))
                .on(PartsWriteOffBlocked.class, blocked -> alerts.writeOffBlocked(blocked))
                .on(PartsWrittenOff.class, writtenOff -> alerts.writtenOff(writtenOff))
                .on(PartsIssued.class, issued -> alerts.partsIssued(issued))
                .build();
    }
}
