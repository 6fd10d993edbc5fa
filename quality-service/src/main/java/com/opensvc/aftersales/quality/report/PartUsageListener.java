package com.opensvc.aftersales.quality.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * PartsWrittenOff and PartsReturned → parts used vs unused for the weekly report (QLT-03); every other stock event is
 * ignored. Idempotent (EVT-04, and one row per event line).
 */
@Configuration(proxyBeanMethods = false)
class PartUsageListener {
    static final String CONSUMER = "quality-parts-usage";

    @Bean
    EventHandlers partUsageEvents(InboundEvents inbound, PartUsage usage) {
        return inbound.consumer(CONSUMER, "aftersales.parts.stock")
                .on(PartsWrittenOff.class, (writtenOff, event) -> usage.writtenOff(writtenOff, event.id()))
                .on(PartsReturned.class, (returned, event) -> usage.returned(returned, event.id()))
                .build();
    }
}
