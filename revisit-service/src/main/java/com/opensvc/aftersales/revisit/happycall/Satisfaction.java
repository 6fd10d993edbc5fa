package com.opensvc.aftersales.revisit.happycall;

/** REV-04: the four-point scale. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED
}
