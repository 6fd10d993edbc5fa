package com.opensvc.aftersales.intake.entitlement;

/** INT-07: why a ticket falls back to PAID. */
public enum ExclusionReason {
    NO_PROOF_OF_PURCHASE, SERIAL_MISSING, SERIAL_ALTERED, SERIAL_MISMATCH, MISUSE, UNAUTHORISED_REPAIR, ACCIDENT,
    FORCE_MAJEURE
}
