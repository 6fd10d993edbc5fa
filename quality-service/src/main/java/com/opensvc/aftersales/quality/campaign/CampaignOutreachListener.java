package com.opensvc.aftersales.quality.campaign;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * QLT-08, INT-17: intake's OutreachTicketsOpened records the campaign's outreach; every other ticket event is ignored.
 * Idempotent (EVT-04; and a campaign's outreach is recorded once).
 */
@Configuration(proxyBeanMethods = false)
class CampaignOutreachListener {
    static final String CONSUMER = "quality-campaigns";

    @Bean
    EventHandlers campaignOutreachEvents(InboundEvents inbound, CampaignService campaigns) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(OutreachTicketsOpened.class, opened -> campaigns.outreachOpened(opened))
                .build();
    }
}
