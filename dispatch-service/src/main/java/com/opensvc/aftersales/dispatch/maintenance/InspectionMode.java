package com.opensvc.aftersales.dispatch.maintenance;

/** DSP-09: a routine inspection on site, or by phone. */
public enum InspectionMode {
    ON_SITE, PHONE
}
