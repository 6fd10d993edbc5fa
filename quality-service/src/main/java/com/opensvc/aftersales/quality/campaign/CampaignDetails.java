package com.opensvc.aftersales.quality.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A campaign as the API shows it: its fields, and whether its outreach is overdue now (QLT-08, INT-17). */
public record CampaignDetails(@JsonUnwrapped Campaign campaign, boolean overdue) {
}
