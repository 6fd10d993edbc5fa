package com.opensvc.aftersales.intake.outreach;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.InboundEvents;

import lombok.RequiredArgsConstructor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * INT-17: records each {@code DefectCampaignLaunched} and returns at once; {@link OutreachWorker} creates the
 * tickets, so a campaign of 100,000 products never holds the partition. Idempotent twice over (EVT-04): by event id
 * and by campaign id.
 */
@Component
@RequiredArgsConstructor
public class DefectCampaignListener {
    static final String CONSUMER = "intake-outreach";
    private static final Logger log = LoggerFactory.getLogger(DefectCampaignListener.class);

    private final OutreachRepository campaigns;
    private final OutreachProperties properties;
    private final Clock clock;

    @Bean
    EventHandlers defectEvents(InboundEvents inbound) {
        return inbound.consumer(CONSUMER, "aftersales.quality.defect")
                .on(DefectCampaignLaunched.class, this::launched)
                .build();
    }

    private void launched(DefectCampaignLaunched launched, InboundEvent event) {
        DefectCampaign campaign = DefectCampaign.from(launched, event, properties.contactWithin());
        if (campaigns.record(campaign, event.id(), clock.instant())) {
            log.info("Defect campaign {} ({}) for model {} received; contact due {}", campaign.campaignId(),
                    campaign.campaignNumber(), campaign.productModel(), campaign.contactDueAt());
        } else {
            log.info("Defect campaign {} already received (event {}); nothing to do", campaign.campaignId(), event.id());
        }
    }

    /** quality's DefectCampaignLaunched v1 (QLT-08), as intake reads it; {@link DefectCampaign} checks the ranges. */
    record DefectCampaignLaunched(@NotNull UUID campaignId, String campaignNumber, @NotBlank String productModel,
                                  String serialFrom, String serialTo, String factoryDateFrom, String factoryDateTo,
                                  @NotBlank String description, String actionToTake,
                                  @Min(1) @Max(DefectCampaign.MAX_CONTACT_WITHIN_HOURS) Integer contactWithinHours,
                                  String actor, String occurredAt) {
    }
}
