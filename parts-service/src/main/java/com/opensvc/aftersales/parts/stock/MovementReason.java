package com.opensvc.aftersales.parts.stock;

/** Why stock moved, on each ledger movement (PRT-02). */
public enum MovementReason {
    /** Stock received into a store from a packing list or purchase order (PRT-01). */
    RECEIVED,
    ISSUE_TO_TECHNICIAN,
    /** DSP-02, INT-22: the work order went to another technician; its issued parts moved holding to holding. */
    REASSIGNED_TO_TECHNICIAN,
    CONSUMED_UNDER_WARRANTY
}
