package com.opensvc.aftersales.dispatch.workorder;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;

/**
 * DSP-02, INT-22: one dispatch decision, checked: the main technician (and their home store, where parts come from),
 * the backup (null when nobody can back up), how the order is handled, who decided, and whether it is over the main
 * technician's daily capacity by the supervisor's explicit override (with its reason).
 */
record Dispatch(String technician, String homeStore, String backup, Handling handling, AssignedBy assignedBy,
                boolean capacityOverride, String overrideReason) {

    /** The history line's words for this decision. */
    String describe() {
        return technician + " (backup " + backup + ", " + handling + ")"
                + (capacityOverride ? " over daily capacity: " + overrideReason : "");
    }
}
