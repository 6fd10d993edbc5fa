package com.opensvc.aftersales.dispatch.depot;

/** DSP-07: how the product reaches the depot (its transit is never on the clock). */
public enum DepotArrival {
    POSTED_IN, BROUGHT_IN, COLLECTED
}
