package com.opensvc.aftersales.dispatch.appointment;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;

/**
 * DSP-04 / DSP-05: a technician who will be late told the customer, with the new expected arrival. Append-only.
 */
public record LateNotice(UUID id, UUID workOrderId, UUID ticketId, String technician, Instant expectedArrival,
                         String reason, boolean customerInformed, String actor, Instant recordedAt) {

    record Change(LateNotice notice, CustomerToldOfDelay event) {
    }

    static Change give(WorkOrder workOrder, Instant expectedArrival, String reason, String actor, Instant now) {
        LateNotice notice = new LateNotice(UUID.randomUUID(), workOrder.id(), workOrder.ticketId(),
                workOrder.technician(), expectedArrival, reason, true, actor, now);
        return new Change(notice, new CustomerToldOfDelay(workOrder.id(), workOrder.ticketId(),
                workOrder.technician(), expectedArrival, reason, actor, now));
    }
}
