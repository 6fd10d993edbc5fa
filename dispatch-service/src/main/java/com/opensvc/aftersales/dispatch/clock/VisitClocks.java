package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianArrived;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianAssigned;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkStarted;

import lombok.RequiredArgsConstructor;

/**
 * DSP-08: starts and meets a work order's SLA-04 clocks as its events happen, inside the work order's own transaction
 * (the work order publishes them in-process as it saves them).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class VisitClocks {
    private final VisitClockRepository clocks;
    private final VisitClockProperties properties;

    /** Dispatch: the technician is assigned; they must be on site within {@code arrival-within}. */
    @EventListener
    public void on(TechnicianAssigned assigned) {
        start(VisitClockKind.ARRIVAL, assigned.workOrderId(), assigned.ticketId(), assigned.occurredAt());
    }

    @EventListener
    public void on(TechnicianArrived arrived) {
        clocks.reached(arrived.workOrderId(), VisitClockKind.ARRIVAL, arrived.occurredAt());
    }

    /** Work started on site; the fault must be removed within {@code fix-within}. */
    @EventListener
    public void on(WorkStarted started) {
        start(VisitClockKind.FIX, started.workOrderId(), started.ticketId(), started.occurredAt());
    }

    /** Visit FIXED: the fault is removed; meets FIX and, if it still runs, ARRIVAL. */
    @EventListener
    public void on(RepairClosed closed) {
        clocks.reached(closed.workOrderId(), VisitClockKind.ARRIVAL, closed.occurredAt());
        clocks.reached(closed.workOrderId(), VisitClockKind.FIX, closed.occurredAt());
    }

    private void start(VisitClockKind kind, UUID workOrderId, UUID ticketId, Instant at) {
        clocks.startIfAbsent(workOrderId, ticketId, kind, at, properties.dueAt(kind, at));
    }
}
