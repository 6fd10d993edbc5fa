package com.opensvc.aftersales.parts.planning;

import java.time.Instant;

/** PRT-06: a plan with the stock it plans: on hand, reserved, available now, and where that stands. */
public record PlanView(String location, String partNumber, int safetyStock, int minimum, int maximum, int onHand,
                       int reserved, int available, PlanStatus status, int version, Instant updatedAt,
                       String updatedBy) {

    static PlanView of(StockPlan plan, StockPlan.StockLevel level) {
        return new PlanView(plan.location(), plan.partNumber(), plan.safetyStock(), plan.minimum(), plan.maximum(),
                level.onHand(), level.reserved(), level.available(),
                PlanStatus.of(level.available(), plan.safetyStock(), plan.minimum()), plan.version(),
                plan.updatedAt(), plan.updatedBy());
    }
}
