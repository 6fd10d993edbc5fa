package com.opensvc.aftersales.dispatch.partsalert;

/** What parts flagged on a work order. */
public enum PartsAlertKind {
    /** PRT-01: the storekeeper refused a parts request above the auto-approval limit; its reservation is released. */
    REQUEST_REJECTED,
    /** PRT-03: the returned old part does not match the unit's production inspection record; the loan stays open. */
    WRITE_OFF_BLOCKED
}
