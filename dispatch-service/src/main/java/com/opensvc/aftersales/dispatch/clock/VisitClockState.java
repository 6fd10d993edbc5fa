package com.opensvc.aftersales.dispatch.clock;

public enum VisitClockState {
    RUNNING,
    /** The milestone was reached by the due time. */
    MET,
    /** The due time passed first; SlaBreached was published once (SLA-07). */
    BREACHED,
    /** The work order was cancelled (or closed) while the clock ran: no deadline left to keep. */
    STOPPED
}
