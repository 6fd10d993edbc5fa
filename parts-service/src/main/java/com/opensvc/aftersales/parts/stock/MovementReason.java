package com.opensvc.aftersales.parts.stock;

/** Why stock moved, on each ledger movement (PRT-02). */
public enum MovementReason {
    ISSUE_TO_TECHNICIAN, CONSUMED_UNDER_WARRANTY
}
