package com.opensvc.aftersales.dispatch.charge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * INT-08, DSP-05: every PartsIssued tells dispatch the catalogue's latest unit price of the parts it issued; the
 * charges of paid work price parts from that copy. Its own consumer group, so it reads the whole topic. Idempotent
 * (EVT-04: the inbox skips a redelivery, and a price is only replaced by a newer one).
 */
@Configuration(proxyBeanMethods = false)
class PartPriceListener {
    static final String CONSUMER = "dispatch-part-prices";

    @Bean
    EventHandlers partPriceEvents(InboundEvents inbound, Charges charges) {
        return inbound.consumer(CONSUMER, "aftersales.parts.stock")
                .on(PartsIssued.class, issued -> charges.partsIssued(issued))
                .build();
    }
}
