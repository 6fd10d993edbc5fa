package com.opensvc.aftersales.parts.stock;

/** Why stock moved, on each ledger movement (PRT-02). The closing note of issue 13 lists them as a table. */
public enum MovementReason {
    /** Stock received into a store or the central warehouse against a packing list (from outside: no source). */
    RECEIVED,
    /** The central warehouse allocated stock to a store for a replenishment requisition (central → in transit). */
    ALLOCATED,
    /** Stock moved between two locations (store to store, in transit to the receiving store). */
    TRANSFERRED,
    /** PRT-01: issued from the store to the technician's holding for a work order. */
    ISSUE_TO_TECHNICIAN,
    /** DSP-02, INT-22: the work order went to another technician; its issued parts moved holding to holding. */
    REASSIGNED_TO_TECHNICIAN,
    /** PRT-03: fitted under warranty and written off against the matching old part (leaves stock). */
    CONSUMED_UNDER_WARRANTY,
    /** PRT-03: fitted on paid work and written off against the payment reference (leaves stock). */
    CONSUMED_ON_PAID_WORK,
    /** PRT-03: not used; the technician returned it to the store's quarantine for inspection. */
    RETURNED_UNUSED,
    /** PRT-03: a returned part passed inspection and went back on the shelf. */
    RESTOCKED,
    /** PRT-03, PRT-07: a part failed inspection and was scrapped (leaves stock). */
    SCRAPPED
}
