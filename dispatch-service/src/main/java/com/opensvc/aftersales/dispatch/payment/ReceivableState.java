package com.opensvc.aftersales.dispatch.payment;

/** DSP-05: a paid work order's balance is OPEN until finance's collections settle it. */
public enum ReceivableState {
    OPEN, SETTLED
}
