package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;
import java.util.List;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * What one transition of a maintenance order caused, for {@link MaintenanceOrderRepository#save} to write in the
 * caller's transaction: the order after it, the inspection record it took (if any), the schedule's next due date
 * (when the order is done) and the events.
 *
 * @param opens true when the change generates the order (its row is inserted, at most once per schedule and due date)
 */
record MaintenanceOrderChange(MaintenanceOrder order, boolean opens, InspectionRecord inspection, LocalDate nextDue,
                              List<OutgoingEvent> events) {
    MaintenanceOrderChange {
        events = List.copyOf(events);
    }

    static MaintenanceOrderChange opened(MaintenanceOrder order, OutgoingEvent created) {
        return new MaintenanceOrderChange(order, true, null, null, List.of(created));
    }

    static MaintenanceOrderChange of(MaintenanceOrder order) {
        return new MaintenanceOrderChange(order, false, null, null, List.of());
    }
}
