package com.opensvc.aftersales.dispatch.workorder;

/** DSP-02: how the supervisor decided the order is handled. */
public enum Handling {
    PHONE, ON_SITE, CARRY_IN;

    /** The default for a service type: carry-in stays carry-in; on-site and installation work are on site. */
    static Handling defaultFor(String serviceType) {
        return "CARRY_IN".equals(serviceType) ? CARRY_IN : ON_SITE;
    }
}
