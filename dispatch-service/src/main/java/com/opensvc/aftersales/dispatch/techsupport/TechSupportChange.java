package com.opensvc.aftersales.dispatch.techsupport;

import java.util.List;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * What one transition of a technical support request caused, for {@link TechSupportRepository#save}: the request after
 * it and its events. {@code opens}: the row is inserted (once per NOT_FIXED visit, once per technical-question ticket).
 */
record TechSupportChange(TechSupportRequest request, boolean opens, List<WorkOrderEvent> events) {
    TechSupportChange {
        events = List.copyOf(events);
    }
}
