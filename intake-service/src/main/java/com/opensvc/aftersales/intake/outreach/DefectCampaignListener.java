package com.opensvc.aftersales.intake.outreach;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/**
 * INT-17: records each {@code DefectCampaignLaunched} and returns at once; {@link OutreachWorker} creates the
 * tickets, so a campaign of 100,000 products never holds the partition. Idempotent twice over (EVT-04): by event id
 * and by campaign id.
 */
@Component
public class DefectCampaignListener {
    static final String CONSUMER = "intake-outreach";
    private static final Logger log = LoggerFactory.getLogger(DefectCampaignListener.class);

    private final OutreachRepository campaigns;
    private final ProcessedEvents processed;
    private final OutreachProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public DefectCampaignListener(OutreachRepository campaigns, ProcessedEvents processed,
                                  OutreachProperties properties, JsonMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.processed = processed;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.quality.defect")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"DefectCampaignLaunched".equals(event.eventType())) {
            return;
        }
        DefectCampaign campaign = DefectCampaign.from(event, properties.contactWithin());
        if (!processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        if (campaigns.record(campaign, event.id(), clock.instant())) {
            log.info("Defect campaign {} ({}) for model {} received; contact due {}", campaign.campaignId(),
                    campaign.campaignNumber(), campaign.productModel(), campaign.contactDueAt());
        } else {
            log.info("Defect campaign {} already received (event {}); nothing to do", campaign.campaignId(), event.id());
        }
    }
}
