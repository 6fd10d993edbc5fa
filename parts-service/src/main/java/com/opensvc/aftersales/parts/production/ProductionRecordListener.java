package com.opensvc.aftersales.parts.production;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * PRT-03: intake's InstalledProductRecorded keeps parts' copy of the production inspection record; every other
 * intake event is ignored. Idempotent (EVT-04), and a stale version never overwrites a newer one.
 */
@Configuration(proxyBeanMethods = false)
class ProductionRecordListener {
    static final String CONSUMER = "parts-production-records";

    @Bean
    EventHandlers installedProductEvents(InboundEvents inbound, ProductionRecords records) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(InstalledProductRecorded.class, recorded -> records.recorded(recorded))
                .build();
    }
}
