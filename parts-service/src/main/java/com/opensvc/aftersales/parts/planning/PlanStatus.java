package com.opensvc.aftersales.parts.planning;

/** PRT-06: where a part's available quantity at a location stands against its plan. */
public enum PlanStatus {
    /** Available is at or above minimum. */
    OK,
    /** Available is below minimum (time to order up to maximum), but not below safety stock. */
    BELOW_MINIMUM,
    /** Available is below safety stock: the store may run out before an order arrives. */
    BELOW_SAFETY_STOCK;

    static PlanStatus of(int available, int safetyStock, int minimum) {
        if (available < safetyStock) {
            return BELOW_SAFETY_STOCK;
        }
        return available < minimum ? BELOW_MINIMUM : OK;
    }
}
