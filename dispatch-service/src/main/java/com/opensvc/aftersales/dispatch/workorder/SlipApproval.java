package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;

/**
 * DSP-02: one approval of a complaint's service slip. The order is dispatched only once it has both kinds, given by
 * two different people.
 *
 * @param approver who approved (the caller's login)
 * @param actor    who recorded it (today always the approver)
 */
public record SlipApproval(Kind approval, String approver, String actor, Instant approvedAt) {

    /** The two approvals a complaint's work order needs: the quality lead's and a manager's. */
    public enum Kind {
        QUALITY_LEAD, MANAGER
    }
}
