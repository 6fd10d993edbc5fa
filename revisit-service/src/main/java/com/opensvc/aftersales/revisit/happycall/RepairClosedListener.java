package com.opensvc.aftersales.revisit.happycall;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * RepairClosed → a decision for the completed work order, scheduled or not required (REV-01); every other
 * work-order event is ignored. Idempotent (EVT-04): by event id, and by work order in the decision table.
 */
@Configuration(proxyBeanMethods = false)
class RepairClosedListener {
    static final String CONSUMER = "revisit-happy-calls";

    @Bean
    EventHandlers workOrderEvents(InboundEvents inbound, RevisitService revisits) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
                .on(RepairClosed.class, repair -> revisits.repairClosed(repair))
                .build();
    }
}
