package com.opensvc.aftersales.parts.stock;

/** Why stock moved, on each ledger movement (PRT-02). */
public enum MovementReason {
    /** Stock received into a store from a packing list or purchase order (PRT-01). */
    RECEIVED,
    ISSUE_TO_TECHNICIAN,
    CONSUMED_UNDER_WARRANTY
}
