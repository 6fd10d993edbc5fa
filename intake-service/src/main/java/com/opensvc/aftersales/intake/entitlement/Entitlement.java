package com.opensvc.aftersales.intake.entitlement;

/** The "three guarantees" outcome of INT-06. */
public enum Entitlement {
    /** Return, exchange or repair allowed (after an engineer confirms the quality problem). */
    RETURN,
    /** Exchange or repair allowed. */
    EXCHANGE,
    FREE_REPAIR,
    PAID,
    CONTRACT
}
