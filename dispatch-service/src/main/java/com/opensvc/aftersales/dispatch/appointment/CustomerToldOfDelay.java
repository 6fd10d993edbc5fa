package com.opensvc.aftersales.dispatch.appointment;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * DSP-04 / DSP-05: the assigned technician will be late and has told the customer when they now expect to arrive (the
 * alternative is handing the order back for reassignment).
 */
public record CustomerToldOfDelay(UUID workOrderId, UUID ticketId, String technicianId, Instant expectedArrival,
                                  String reason, String actor, Instant occurredAt) implements WorkOrderEvent {
}
