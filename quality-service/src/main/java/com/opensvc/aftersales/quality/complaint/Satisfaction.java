package com.opensvc.aftersales.quality.complaint;

/** REV-04's four-point scale, as the latest revisit of a ticket stated it. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED
}
