package com.opensvc.aftersales.parts.report;

/** The kinds of stock location a report can be filtered by (V5's location kinds). */
public enum LocationKind {
    CENTRAL, STORE, TECHNICIAN, TRANSIT, QUARANTINE
}
