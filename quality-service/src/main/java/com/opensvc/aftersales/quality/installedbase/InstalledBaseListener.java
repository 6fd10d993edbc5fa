package com.opensvc.aftersales.quality.installedbase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * intake's InstalledProductRecorded keeps quality's copy of the installed base (QLT-01 batches, QLT-06 rates, QLT-08
 * affected units); every other intake event is ignored. Idempotent (EVT-04); a stale version never wins.
 */
@Configuration(proxyBeanMethods = false)
class InstalledBaseListener {
    static final String CONSUMER = "quality-installed-base";

    @Bean
    EventHandlers installedBaseEvents(InboundEvents inbound, InstalledBase installedBase) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(InstalledProductRecorded.class, recorded -> installedBase.recorded(recorded))
                .build();
    }
}
