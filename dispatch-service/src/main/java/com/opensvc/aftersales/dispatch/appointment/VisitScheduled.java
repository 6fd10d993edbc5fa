package com.opensvc.aftersales.dispatch.appointment;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/**
 * DSP-04: the technician confirmed an appointment window with the customer ({@code rescheduled} false), or it was
 * changed ({@code rescheduled} true, with who asked and why). Who at the customer agreed is not published (SEC-04).
 *
 * @param reason null for a first booking
 */
public record VisitScheduled(UUID workOrderId, UUID ticketId, String technicianId, Instant windowStart,
                             Instant windowEnd, RequestedBy requestedBy, String reason, boolean rescheduled,
                             String actor, Instant occurredAt) implements WorkOrderEvent {
}
