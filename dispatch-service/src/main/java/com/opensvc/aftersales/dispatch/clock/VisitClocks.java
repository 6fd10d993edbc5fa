package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.DepotRepairOpened;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianArrived;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianAssigned;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkStarted;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.ClocksPaused;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.ClocksResumed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.WorkOrderCancelled;

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
    private final VisitClockBreaches breaches;

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

    /**
     * Visit FIXED: the fault is removed; meets FIX and, if it still runs, ARRIVAL. A clock whose milestone came after
     * its due time and that the job has not breached yet is breached now (DSP-08): completing never just stops it.
     */
    @EventListener
    public void on(RepairClosed closed) {
        clocks.reached(closed.workOrderId(), VisitClockKind.ARRIVAL, closed.occurredAt());
        clocks.reached(closed.workOrderId(), VisitClockKind.FIX, closed.occurredAt());
        Instant now = closed.occurredAt().truncatedTo(ChronoUnit.MICROS);
        clocks.reachedLate(closed.workOrderId()).forEach(late -> breaches.breach(late, now));
    }

    /** SLA-05, INT-07: the ticket is PENDING or the order ON_HOLD: its running clocks pause. */
    @EventListener
    public void on(ClocksPaused paused) {
        clocks.pause(paused.workOrderId(), paused.reason().name(), paused.at());
    }

    /** SLA-05, INT-07: that pause ends; with no other pause left the clocks run again, due later by the time paused. */
    @EventListener
    public void on(ClocksResumed resumed) {
        clocks.resume(resumed.workOrderId(), resumed.reason().name(), resumed.at());
    }

    /** A cancelled order keeps no deadline: its running clocks stop. */
    @EventListener
    public void on(WorkOrderCancelled cancelled) {
        Instant now = cancelled.at().truncatedTo(ChronoUnit.MICROS);
        clocks.running(cancelled.workOrderId()).forEach(running -> breaches.stop(running, now));
    }

    /** DSP-07: the order became a depot repair: there is no on-site visit to keep; its running clocks stop. */
    @EventListener
    public void on(DepotRepairOpened opened) {
        Instant now = opened.at().truncatedTo(ChronoUnit.MICROS);
        clocks.running(opened.workOrderId()).forEach(running -> breaches.stop(running, now));
    }

    private void start(VisitClockKind kind, UUID workOrderId, UUID ticketId, Instant at) {
        clocks.startIfAbsent(workOrderId, ticketId, kind, at, properties.dueAt(kind, at));
    }
}
