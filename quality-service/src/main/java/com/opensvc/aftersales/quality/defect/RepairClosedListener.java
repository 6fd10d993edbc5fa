package com.opensvc.aftersales.quality.defect;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/** RepairClosed → defect record (QLT-01); every other work-order event is ignored. Idempotent (EVT-04). */
@Configuration(proxyBeanMethods = false)
class RepairClosedListener {
    static final String CONSUMER = "quality-defects";

    @Bean
    EventHandlers workOrderEvents(InboundEvents inbound, DefectService defects) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
                .on(RepairClosed.class, repair -> defects.recordFromRepair(repair))
                .build();
    }
}
