package com.opensvc.aftersales.dispatch.clock;

import java.util.UUID;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/**
 * DSP-08 / SLA-07: the one way a visit clock is breached, whether the job finds it overdue or the work order completes
 * with the milestone reached late: the clock leaves RUNNING, the breach log and the {@code SlaBreached} outbox row are
 * written in the caller's transaction, and the work order's history notes it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class VisitClockBreaches {
    static final String ACTOR = "system:visit-clocks";
    private static final Logger log = LoggerFactory.getLogger(VisitClockBreaches.class);

    private final VisitClockRepository clocks;
    private final WorkOrderService workOrders;
    private final OutboxWriter outbox;

    /** @return false if the clock was no longer running (nothing changed) */
    public boolean breach(VisitClockRepository.Overdue overdue, Instant now) {
        if (!clocks.markBreached(overdue.clockId(), now)) {
            return false;
        }
        UUID eventId = outbox.append(SlaBreached.firstLevel(overdue, now, ACTOR));
        clocks.logBreach(overdue.clockId(), now, eventId);
        workOrders.note(overdue.workOrderId(), now, ACTOR, "SLA_BREACHED " + overdue.kind() + " escalation 1");
        log.info("Work order {} breached its {} clock due {}", overdue.workOrderId(), overdue.kind(), overdue.dueAt());
        return true;
    }

    /** A clock of a cancelled order has no deadline left: stopped, never escalated. */
    public void stop(VisitClockRepository.Overdue overdue, Instant now) {
        clocks.stop(overdue.clockId(), now);
        workOrders.note(overdue.workOrderId(), now, ACTOR, "CLOCK_STOPPED " + overdue.kind());
    }
}
