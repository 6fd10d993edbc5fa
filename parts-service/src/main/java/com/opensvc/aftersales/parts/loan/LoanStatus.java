package com.opensvc.aftersales.parts.loan;

/** Where a part lent to a work order ended up (PRT-03). */
public enum LoanStatus {
    ON_LOAN,
    CONSUMED_UNDER_WARRANTY,
    /** Used under warranty but the old part's serial is missing: write-off blocked, the work order flagged. */
    WRITE_OFF_BLOCKED,
    /** Used on paid work; written off once finance gives the payment reference. */
    AWAITING_PAYMENT_REFERENCE,
    /** Not used: the technician returns it for inspection. */
    AWAITING_RETURN
}
