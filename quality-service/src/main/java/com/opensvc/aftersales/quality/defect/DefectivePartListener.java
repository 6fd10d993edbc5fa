package com.opensvc.aftersales.quality.defect;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * DefectivePartReceived → defect record awaiting analysis (QLT-01, QLT-02); every other stock event is ignored.
 * Idempotent (EVT-04), and one record per loan whatever the event id.
 */
@Configuration(proxyBeanMethods = false)
class DefectivePartListener {
    static final String CONSUMER = "quality-defective-parts";

    @Bean
    EventHandlers defectivePartEvents(InboundEvents inbound, DefectService defects) {
        return inbound.consumer(CONSUMER, "aftersales.parts.stock")
                .on(DefectivePartReceived.class, part -> defects.recordFromReturnedPart(part))
                .build();
    }
}
