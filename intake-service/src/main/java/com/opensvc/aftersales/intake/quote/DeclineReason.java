package com.opensvc.aftersales.intake.quote;

public enum DeclineReason {
    CUSTOMER_DECLINED, EXPIRED
}
