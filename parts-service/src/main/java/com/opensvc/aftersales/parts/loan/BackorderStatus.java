package com.opensvc.aftersales.parts.loan;

/** Where a backorder stands (PRT-01). */
public enum BackorderStatus {
    /** Waiting for stock at its store. */
    OPEN,
    /** Received stock was issued to the technician; {@code PartsIssued} was published. */
    FILLED,
    /** A later request for the same work order (e.g. after reassignment) replaced it. */
    SUPERSEDED
}
