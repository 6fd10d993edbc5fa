package com.opensvc.aftersales.dispatch.charge;

/** DSP-05: what a charge line is for. PARTS lines are priced from the parts catalogue (INT-08), never entered. */
public enum ChargeKind {
    PARTS, TRAVEL, SERVICE
}
