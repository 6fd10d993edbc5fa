package com.opensvc.aftersales.parts.planning;

import java.time.Instant;
import java.util.List;

/**
 * PRT-06: safety stock, minimum and maximum of a part at a location, and whether available is below minimum since
 * the last crossing (so that each crossing publishes once, not every movement below it).
 *
 * @param version counts the storekeeper's edits (the ETag); the flag's changes do not count
 */
public record StockPlan(String location, String partNumber, int safetyStock, int minimum, int maximum,
                        boolean belowMinimum, int version, Instant updatedAt, String updatedBy) {

    static StockPlan create(String location, String partNumber, StockFigures figures, String actor, Instant now) {
        return new StockPlan(location, partNumber, figures.safetyStock(), figures.minimum(), figures.maximum(), false,
                1, now, actor);
    }

    StockPlan revise(StockFigures figures, String actor, Instant now) {
        return new StockPlan(location, partNumber, figures.safetyStock(), figures.minimum(), figures.maximum(),
                belowMinimum, version + 1, now, actor);
    }

    /**
     * PRT-06: the flag follows available. Falling below minimum with the flag clear sets it and publishes
     * {@link StockBelowMinimum}; back at or above minimum clears it silently; anything else changes nothing.
     */
    StockPlanChange observe(StockLevel level, String actor, Instant now) {
        boolean below = level.available() < minimum;
        if (below == belowMinimum) {
            return new StockPlanChange(this, false, List.of());
        }
        StockPlan flagged = new StockPlan(location, partNumber, safetyStock, minimum, maximum, below, version,
                updatedAt, updatedBy);
        if (!below) {
            return new StockPlanChange(flagged, true, List.of());
        }
        return new StockPlanChange(flagged, true, List.of(new StockBelowMinimum(location, partNumber, level.onHand(),
                level.reserved(), level.available(), minimum, safetyStock, maximum, maximum - level.available(),
                actor, now)));
    }

    /** On hand and reserved of the plan's part at its location (0 and 0 where there is no stock row). */
    record StockLevel(int onHand, int reserved) {
        int available() {
            return onHand - reserved;
        }
    }
}
