package com.opensvc.aftersales.quality.campaign;

import java.util.List;

/**
 * What a transition of a campaign caused: the campaign as it now is ({@code created} when just launched) and the
 * events to publish. {@link CampaignRepository#save} writes both in the caller's transaction (EVT-01).
 */
record CampaignChange(Campaign campaign, boolean created, List<CampaignEvent> events) {
}
