package com.opensvc.aftersales.quality.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * Campaign events on {@code aftersales.quality.defect}, keyed by the campaign (it concerns many products, no one
 * ticket; EVT-02).
 */
public interface CampaignEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "quality.defect";

    UUID campaignId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return campaignId();
    }

    /**
     * QLT-08 → INT-17: intake opens an outreach ticket for every affected installed product. Ranges are inclusive;
     * an absent bound is open. {@code contactWithinHours} is always sent (the default already applied).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DefectCampaignLaunched(UUID campaignId, String campaignNumber, String productModel, String serialFrom,
                                  String serialTo, LocalDate factoryDateFrom, LocalDate factoryDateTo,
                                  String description, String actionToTake, int contactWithinHours,
                                  UUID improvementReportId, String actor, Instant occurredAt) implements CampaignEvent {
    }
}
