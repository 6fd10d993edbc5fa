package com.opensvc.aftersales.dispatch.clock;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
        boolean breached = breachAll(List.of(overdue), now) == 1;
        if (breached) {
            log.info("Work order {} breached its {} clock due {}", overdue.workOrderId(), overdue.kind(), overdue.dueAt());
        }
        return breached;
    }

    /**
     * Breaches a batch set-based (issue 18): one update moves the clocks still running to BREACHED, then one insert
     * each for their SlaBreached outbox rows, their breach log rows and their work orders' history lines.
     *
     * @return how many were still running and are now breached
     */
    public int breachAll(List<VisitClockRepository.Overdue> overdue, Instant now) {
        if (overdue.isEmpty()) {
            return 0;
        }
        Set<UUID> running = clocks.markBreached(overdue.stream().map(VisitClockRepository.Overdue::clockId).toList(), now);
        List<VisitClockRepository.Overdue> breached = overdue.stream().filter(o -> running.contains(o.clockId())).toList();
        List<UUID> eventIds = outbox.appendBatch(breached.stream().map(o -> SlaBreached.firstLevel(o, now, ACTOR)).toList());
        clocks.logBreaches(breached.stream().map(VisitClockRepository.Overdue::clockId).toList(), now, eventIds);
        workOrders.noteAll(breached.stream().map(o -> new WorkOrderService.Note(o.workOrderId(), now, ACTOR,
                "SLA_BREACHED " + o.kind() + " escalation 1")).toList());
        return breached.size();
    }

    /** A clock of a cancelled order has no deadline left: stopped, never escalated. */
    public void stop(VisitClockRepository.Overdue overdue, Instant now) {
        clocks.stop(overdue.clockId(), now);
        workOrders.note(overdue.workOrderId(), now, ACTOR, "CLOCK_STOPPED " + overdue.kind());
    }
}
