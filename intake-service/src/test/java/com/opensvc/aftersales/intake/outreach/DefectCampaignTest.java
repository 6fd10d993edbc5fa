package com.opensvc.aftersales.intake.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.messaging.MalformedEventException;

import tools.jackson.databind.json.JsonMapper;

class DefectCampaignTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DAY = Duration.ofHours(24);
    private static final EventHandlers CAMPAIGNS =
            new DefectCampaignListener(null, null, null).defectEvents(InboundEvents.withoutInbox());

    private static InboundEvent event(String fields) {
        String body = "{\"campaignId\":\"0b7e2f14-6c3a-4d85-9e21-7f4a1c9d3b60\",\"productModel\":\"AC-3200\","
                + "\"description\":\"C12 overheats\",\"actor\":\"qe.sun\",\"occurredAt\":\"2026-03-05T09:00:00Z\"" + fields + "}";
        return new InboundEvent(UUID.randomUUID(), "com.opensvc.aftersales.DefectCampaignLaunched.v1", "quality-service",
                null, Instant.parse("2026-03-05T09:00:01Z"), null, "aftersales.quality.defect", 0, 0, JSON.readTree(body));
    }

    /** Read as the listener reads it (typed, validated), then made a campaign. */
    private static DefectCampaign campaign(String fields) {
        InboundEvent event = event(fields);
        var launched = (DefectCampaignListener.DefectCampaignLaunched) CAMPAIGNS.read("DefectCampaignLaunched",
                event.payload().toString());
        return DefectCampaign.from(launched, event, DAY);
    }

    @Test
    @DisplayName("INT-17 contact is due 24 hours after the launch unless the campaign says otherwise")
    void INT17_contactDue() {
        DefectCampaign byDefault = campaign(",\"serialFrom\":\"A\"");
        assertThat(byDefault.contactDueAt()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
        DefectCampaign within48 = campaign(",\"factoryDateFrom\":\"2025-11-01\",\"contactWithinHours\":48");
        assertThat(within48.contactDueAt()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
        assertThat(within48.factoryDateFrom()).isEqualTo(LocalDate.parse("2025-11-01"));
    }

    @Test
    @DisplayName("INT-17 EVT-05 a campaign without any range, with an inverted range or a bad date is malformed")
    void INT17_malformedCampaigns() {
        assertThatThrownBy(() -> campaign("")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> campaign(",\"serialFrom\":\"B\",\"serialTo\":\"A\""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("serialFrom");
        assertThatThrownBy(() -> campaign(",\"factoryDateTo\":\"last week\""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("factoryDateTo");
        assertThatThrownBy(() -> campaign(",\"serialTo\":\"Z\",\"contactWithinHours\":0"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("contactWithinHours");
    }
}
