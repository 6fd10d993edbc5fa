package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** DSP-08: starts, meets and stops a work order's SLA-04 clocks, inside the work order's own transaction. */
@Service
public class VisitClocks {
    private final VisitClockRepository clocks;
    private final VisitClockProperties properties;

    public VisitClocks(VisitClockRepository clocks, VisitClockProperties properties) {
        this.clocks = clocks;
        this.properties = properties;
    }

    /** Dispatch: the technician is assigned; they must be on site within {@code arrival-within}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatched(UUID workOrderId, UUID ticketId, Instant at) {
        clocks.startIfAbsent(workOrderId, ticketId, VisitClockKind.ARRIVAL, at, properties.dueAt(VisitClockKind.ARRIVAL, at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void arrived(UUID workOrderId, Instant at) {
        clocks.reached(workOrderId, VisitClockKind.ARRIVAL, at);
    }

    /** Work started on site; the fault must be removed within {@code fix-within}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void workStarted(UUID workOrderId, UUID ticketId, Instant at) {
        clocks.startIfAbsent(workOrderId, ticketId, VisitClockKind.FIX, at, properties.dueAt(VisitClockKind.FIX, at));
    }

    /** Visit FIXED: the fault is removed; meets FIX and, if it still runs, ARRIVAL. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fixed(UUID workOrderId, Instant at) {
        clocks.reached(workOrderId, VisitClockKind.ARRIVAL, at);
        clocks.reached(workOrderId, VisitClockKind.FIX, at);
    }
}
