package com.opensvc.aftersales.dispatch.clock;

/** SLA-04: the two deadlines of an on-site work order. */
public enum VisitClockKind {
    /** From dispatch (technician assigned) to arrival on site. */
    ARRIVAL,
    /** From the start of work on site to the fault removed (visit FIXED). */
    FIX
}
