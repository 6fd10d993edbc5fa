package com.opensvc.aftersales.dispatch.scorecard;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;

import lombok.RequiredArgsConstructor;

/**
 * DSP-10, RPT-01: a closed repair becomes a scorecard fact inside the closing transaction (the work order publishes
 * RepairClosed in-process as it saves it); a revisit's result is kept as it arrives from revisit (REV-07).
 */
@Component
@RequiredArgsConstructor
class ScorecardFacts {
    private final ScorecardRepository scorecards;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RepairClosed closed) {
        scorecards.recordRepair(closed, Fees.of(closed));
    }

    /** REV-07: a happy call's result; a complaint revisit (no work order) is not a technician's rating. */
    @Transactional
    public void rated(Rating rating) {
        if (rating.workOrderId() != null) {
            scorecards.recordRating(rating);
        }
    }

    /** REV-06, REV-07: a happy call that found nobody counts on the work order's scorecard; a complaint's does not. */
    @Transactional
    public void unreachable(RevisitUnreachable unreachable) {
        if (unreachable.workOrderId() != null) {
            scorecards.recordUnreachable(unreachable);
        }
    }
}
