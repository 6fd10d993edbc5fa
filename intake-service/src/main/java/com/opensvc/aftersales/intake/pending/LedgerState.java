package com.opensvc.aftersales.intake.pending;

/** A ledger entry is OPEN while its ticket is still pending, RESOLVED once it resumed (or left PENDING otherwise). */
public enum LedgerState {
    OPEN, RESOLVED
}
