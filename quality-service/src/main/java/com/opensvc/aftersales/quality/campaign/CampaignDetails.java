package com.opensvc.aftersales.quality.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A campaign as the API shows it: its fields, whether its outreach is overdue now (QLT-08, INT-17), and how many units
 * of quality's installed base its ranges reach (to compare with intake's ticket count; both come from intake's
 * installed base, quality's copy by events).
 */
public record CampaignDetails(@JsonUnwrapped Campaign campaign, boolean overdue, long affectedUnits) {
}
