package com.opensvc.aftersales.intake.pending;

/**
 * A pending item's life: {@code PROPOSED} by the customer manager, then {@code DECLINED} or {@code APPROVED} by a
 * manager (the ticket is PENDING and on the ledger), then {@code RESOLVED} when the ticket resumes.
 */
public enum PendingItemState {
    PROPOSED, APPROVED, DECLINED, RESOLVED
}
