package com.opensvc.aftersales.intake.pending;

/** INT-14: why responsibility cannot be settled now. */
public enum PendingReason {
    QUALITY_CAUSE_UNKNOWN, PARTS_DELAYED, CUSTOMER_ABSENT, CUSTOMER_NO_TIME
}
