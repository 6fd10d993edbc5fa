package com.opensvc.aftersales.quality.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * QLT-08: a campaign is LAUNCHED (DefectCampaignLaunched published), OUTREACH_OPENED when intake reports its outreach
 * tickets (INT-17), CLOSED by quality with a summary. The one table of legal transitions.
 */
public enum CampaignState {
    LAUNCHED, OUTREACH_OPENED, CLOSED;

    private static final Map<CampaignState, Set<CampaignState>> LEGAL = Map.of(
            LAUNCHED, EnumSet.of(OUTREACH_OPENED),
            OUTREACH_OPENED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(CampaignState.class));

    public boolean canBecome(CampaignState target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public CampaignState requireTransitionTo(CampaignState target, String attempted) {
        if (!canBecome(target)) {
            throw new StateConflictException("campaign", name(), attempted);
        }
        return target;
    }
}
