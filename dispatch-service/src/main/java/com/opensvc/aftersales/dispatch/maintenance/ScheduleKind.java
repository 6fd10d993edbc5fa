package com.opensvc.aftersales.dispatch.maintenance;

/** DSP-09: what a plan's recurring work is: a routine inspection, or a maintenance item with its own interval. */
public enum ScheduleKind {
    INSPECTION, ITEM
}
