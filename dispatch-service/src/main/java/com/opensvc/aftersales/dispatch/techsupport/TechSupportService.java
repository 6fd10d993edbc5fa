package com.opensvc.aftersales.dispatch.techsupport;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * DSP-06, INT-23: opens engineering's requests (from a NOT_FIXED visit, in the work order's transaction, or from a
 * ticket routed to engineering), records the answer, and hands a NOT_FIXED order back to its technician for the
 * follow-up visit through the work orders' public service.
 */
@Service
@RequiredArgsConstructor
public class TechSupportService {
    private static final Logger log = LoggerFactory.getLogger(TechSupportService.class);

    private final TechSupportRepository requests;
    private final WorkOrderService workOrders;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    /** DSP-06: the work order published RepairNotFixed in-process, in its transaction: engineering is asked. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RepairNotFixed visit) {
        apply(TechSupportRequest.fromNotFixedVisit(visit));
    }

    /** INT-23: a ticket the desk routed to engineering opens a request once (EVT-04); any other ticket is not ours. */
    @Transactional
    public void ticketRegistered(TicketRegistered ticket) {
        if (!ticket.technicalQuestion()) {
            return;
        }
        if (!apply(TechSupportRequest.forTechnicalQuestion(ticket))) {
            log.info("Ticket {} already has its technical support request", ticket.ticketId());
        }
    }

    /**
     * DSP-06 INT-23: engineering's solution. A NOT_FIXED request's work order goes back to its technician for a
     * follow-up visit, after the parts the solution names.
     */
    @Transactional
    public TechSupportRequest solve(UUID id, String solution, List<PartLine> partsNeeded, String actor) {
        TechSupportRequest request = lock(id);
        apply(request.solve(solution, partsNeeded, actor, clock.instant()));
        if (request.workOrderId() != null) {
            workOrders.followUpAfterSupport(request.workOrderId(), "support request " + id + " solved", partsNeeded,
                    actor);
        }
        return get(id);
    }

    /**
     * Closed without a solution: a NOT_FIXED request's work order goes back to its technician all the same (READY),
     * so that it never waits for an answer that will not come; the supervisor decides what follows.
     */
    @Transactional
    public TechSupportRequest close(UUID id, String reason, String actor) {
        TechSupportRequest request = lock(id);
        apply(request.close(reason, actor, clock.instant()));
        if (request.workOrderId() != null) {
            workOrders.followUpAfterSupport(request.workOrderId(),
                    "support request " + id + " closed without solution", List.of(), actor);
        }
        return get(id);
    }

    public TechSupportRequest get(UUID id) {
        return requests.find(id).orElseThrow(() -> notFound(id));
    }

    /** SEC-02: a technician reads only the requests they asked. */
    public TechSupportRequest getAsTechnician(UUID id, String login) {
        TechSupportRequest request = get(id);
        if (!request.askedBy(login)) {
            throw new ForbiddenException("technical support request " + id + " was not asked by you");
        }
        return request;
    }

    public PageOf<TechSupportRequest> search(TechSupportState state, TechSupportSource source, UUID ticketId,
                                             UUID workOrderId, Paging paging) {
        return requests.search(state, source, ticketId, workOrderId, paging);
    }

    private TechSupportRequest lock(UUID id) {
        return requests.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private boolean apply(TechSupportChange change) {
        if (!requests.save(change)) {
            return false;
        }
        change.events().forEach(inProcess::publishEvent);
        return true;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no technical support request " + id);
    }
}
