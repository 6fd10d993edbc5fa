package com.opensvc.aftersales.dispatch.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.charge.Charges;
import com.opensvc.aftersales.dispatch.technician.Technicians;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * Loads a work order for update, lets it decide ({@link WorkOrder}), saves the change and hands its events to the
 * features that react inside this transaction (the visit clocks).
 */
@Service
@RequiredArgsConstructor
public class WorkOrderService {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);
    static final String POLICY_ACTOR = "system:dispatch-policy";

    private final WorkOrderRepository workOrders;
    private final WorkOrderAssignments assignments;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;
    private final WorkOrderGuards guards;
    private final Charges charges;
    private final Technicians technicians;

    /**
     * DSP-01, DSP-02, DSP-03: one work order per acceptance ({@code acceptanceEventId}; the inbox already skips a
     * redelivery, the unique acceptance id guards the database), linked to the ticket's earlier one when it was
     * accepted again; a proposed technician, applied as the order's dispatch policy says (DSP-02).
     */
    @Transactional
    public Optional<WorkOrder> createFor(TicketAccepted ticket, UUID acceptanceEventId) {
        Instant now = clock.instant();
        UUID previous = workOrders.latestOfTicket(ticket.ticketId()).orElse(null);
        Optional<WorkOrderChange> opened = WorkOrder.openFor(ticket, acceptanceEventId, previous, now);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        if (!apply(opened.get())) {
            log.info("TicketAccepted {} of ticket {} opens no work order: it has one, or the ticket's is still open",
                    acceptanceEventId, ticket.ticketId());
            return Optional.empty();
        }
        WorkOrder created = opened.get().workOrder();
        assignments.proposeAndApplyPolicy(created, POLICY_ACTOR, now);
        return workOrders.find(created.id());
    }

    /** DSP-02: the supervisor confirms the proposal or names another technician. */
    @Transactional
    public WorkOrder confirmAssignment(UUID id, String technician, String actor) {
        return assignments.confirm(id, new DispatchDecision(technician, null, null, false, null), actor);
    }

    /** DSP-02, INT-22: the supervisor's review in full: handling, main and backup, an explicit capacity override. */
    @Transactional
    public WorkOrder reviewAssignment(UUID id, DispatchDecision decision, String actor) {
        return assignments.confirm(id, decision, actor);
    }

    /** DSP-04: the assigned technician (SEC-02) hands the order back: NEW, unassigned, proposed anew without them. */
    @Transactional
    public WorkOrder handBack(UUID id, String technician, String reason) {
        return assignments.handBack(id, technician, reason);
    }

    /**
     * DSP-02: the quality lead or a manager approves a complaint order's service slip. Under the AUTOMATIC policy the
     * approval that completes the pair dispatches the order at once, to the technician proposed now (the one proposed
     * on creation may since be busy or away); with nobody to propose it stays NEW for the supervisor.
     */
    @Transactional
    public WorkOrder approveSlip(UUID id, SlipApproval.Kind approval, String approver) {
        Instant now = clock.instant();
        WorkOrderChange approved = lock(id).approveSlip(approval, approver, now);
        apply(approved);
        WorkOrder workOrder = approved.workOrder();
        if (workOrder.state() == WorkOrderState.NEW && workOrder.slipApproved() && workOrder.inPoolSince() == null) {
            // the slip's last approval: the dispatch policy applies now as it would have at creation (DSP-02)
            assignments.proposeAndApplyPolicy(workOrder, POLICY_ACTOR, now);
        }
        return get(id);
    }

    /**
     * DSP-03: the parts are in the technician's hands (issued, or the backorder filled); PRT-01: a partial issue
     * ({@code complete} false) leaves the order waiting for the back-ordered rest.
     */
    @Transactional
    public void partsIssued(PartsIssued parts) {
        WorkOrder workOrder = workOrders.findForUpdate(parts.workOrderId()).orElse(null);
        Optional<WorkOrderChange> ready = workOrder == null ? Optional.empty()
                : workOrder.partsIssued(parts.issuedInFull(), parts.actor(), clock.instant());
        if (ready.isEmpty()) {
            log.warn("PartsIssued for work order {} in state {} ignored", parts.workOrderId(),
                    workOrder == null ? "unknown" : workOrder.state());
            return;
        }
        apply(ready.get());
    }

    /** DSP-03: the order shows the missing parts and their expected date, and keeps waiting for them. */
    @Transactional
    public void partsBackordered(PartsBackordered backordered) {
        WorkOrder workOrder = workOrders.findForUpdate(backordered.workOrderId()).orElse(null);
        Optional<WorkOrderChange> change = workOrder == null ? Optional.empty()
                : workOrder.partsBackordered(backordered, clock.instant());
        if (change.isEmpty()) {
            log.warn("PartsBackordered for work order {} in state {} ignored", backordered.workOrderId(),
                    workOrder == null ? "unknown" : workOrder.state());
            return;
        }
        apply(change.get());
    }

    /** INT-07: the ticket's open work order is held and takes the new entitlement. */
    @Transactional
    public void entitlementChanged(EntitlementChanged changed) {
        onOpenOrderOf(changed.ticketId(), "EntitlementChanged", w -> w.hold(changed, clock.instant()));
    }

    /** INT-08: a hold that waited for the quote is released. */
    @Transactional
    public void quoteApproved(QuoteApproved approved) {
        onOpenOrderOf(approved.ticketId(), "QuoteApproved", w -> w.quoteApproved(approved.actor(), clock.instant()));
    }

    /** INT-08: a held order whose quote was declined (or expired) is cancelled. */
    @Transactional
    public void quoteDeclined(QuoteDeclined declined) {
        onOpenOrderOf(declined.ticketId(), "QuoteDeclined", w -> w.quoteDeclined(declined.actor(), clock.instant()));
    }

    /** SLA-05: the ticket is PENDING: the open order's visit clocks pause. */
    @Transactional
    public void ticketPending(TicketPending pending) {
        onOpenOrderOf(pending.ticketId(), "TicketPending", w -> w.ticketPaused(true, pending.actor(), clock.instant()));
    }

    /** SLA-05: the ticket resumed: the open order's visit clocks run again, their due times moved by the pause. */
    @Transactional
    public void ticketResumed(TicketResumed resumed) {
        onOpenOrderOf(resumed.ticketId(), "TicketResumed", w -> w.ticketPaused(false, resumed.actor(), clock.instant()));
    }

    /** INT-07: the supervisor releases a hold that does not wait for a quote. */
    @Transactional
    public WorkOrder release(UUID id, String actor) {
        apply(lock(id).release(actor, clock.instant()));
        return get(id);
    }

    private void onOpenOrderOf(UUID ticketId, String event, Function<WorkOrder, Optional<WorkOrderChange>> transition) {
        Optional<WorkOrderChange> change = workOrders.findOpenOfTicketForUpdate(ticketId).flatMap(transition);
        if (change.isEmpty()) {
            log.info("{} for ticket {}: no open work order it changes", event, ticketId);
            return;
        }
        apply(change.get());
    }

    /**
     * DSP-05: the assigned technician (SEC-02) records the fixed visit; the work order closes. 409 while it is held
     * (INT-07) or still waits for parts.
     */
    @Transactional
    public WorkOrder recordFixedVisit(UUID id, RecordVisitRequest visit, String technician) {
        WorkOrder workOrder = lock(id);
        requireArrivalAllowed(workOrder);
        guards.requireOnSiteVisitAllowed(workOrder);
        workOrder.requireAssignedTo(technician);
        Instant now = clock.instant();
        Optional<ChargeSheet> charged = charges.price(id, workOrder.ticketId(), technician, workOrder.entitlement(),
                visit.charges(), visit.payment(), visit.partsUsed().stream()
                        .map(p -> new Charges.UsedPart(p.partNumber(), p.quantity())).toList(), now);
        apply(workOrder.recordFixedVisit(visit, charged.orElse(null), technician, workOrders.countNotFixedVisits(id),
                now));
        charged.ifPresent(charges::record);
        return get(id);
    }

    /**
     * DSP-07: the depot repair's product is returned (handed to the carrier): the order closes with RepairClosed, the
     * report recorded at the depot's repair step. 409 unless the order is assigned and READY.
     */
    @Transactional
    public WorkOrder completeDepotRepair(UUID id, RecordVisitRequest report, String actor) {
        WorkOrder workOrder = lock(id);
        apply(workOrder.completeDepotRepair(report, actor, workOrders.countNotFixedVisits(id), clock.instant()));
        return get(id);
    }

    /**
     * DSP-06: the assigned technician (SEC-02) records a visit that did not fix the product; the order waits
     * AWAITING_SUPPORT and RepairNotFixed opens engineering's request (the techsupport feature, in this transaction).
     * 409 unless the order is READY.
     */
    @Transactional
    public WorkOrder recordNotFixedVisit(UUID id, NotFixedVisitRequest visit, String technician) {
        apply(lock(id).recordNotFixedVisit(visit, technician, clock.instant()));
        return get(id);
    }

    /**
     * DSP-06: engineering answered (or closed) the support request {@code why} names: the order goes back to its
     * technician for a follow-up visit, after the parts the solution names (PartsRequested, DSP-03).
     *
     * @return the order, or empty when it no longer waits for support (completed, cancelled meanwhile)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<WorkOrder> followUpAfterSupport(UUID id, String why, List<PartLine> partsNeeded, String actor) {
        WorkOrder workOrder = lock(id);
        String homeStore = partsNeeded.isEmpty() || workOrder.technician() == null ? null
                : technicians.homeStore(workOrder.technician()).orElse(null);
        Optional<WorkOrderChange> change = workOrder.followUpAfterSupport(why, partsNeeded, homeStore, actor,
                clock.instant());
        if (change.isEmpty()) {
            log.info("Support answer for work order {} in state {}: no follow-up", id, workOrder.state());
            return Optional.empty();
        }
        apply(change.get());
        return Optional.of(get(id));
    }

    /** DSP-08: the assigned technician (SEC-02), or a supervisor on their behalf, is on site now. */
    @Transactional
    public WorkOrder recordArrival(UUID id, String actor, boolean onBehalfOfTechnician) {
        apply(requireArrivalAllowed(lock(id)).recordArrival(actor, onBehalfOfTechnician, clock.instant()));
        return get(id);
    }

    /** DSP-08: work on site starts now; an arrival not yet recorded is implied. */
    @Transactional
    public WorkOrder recordWorkStarted(UUID id, String actor, boolean onBehalfOfTechnician) {
        apply(requireArrivalAllowed(lock(id)).recordWorkStarted(actor, onBehalfOfTechnician, clock.instant()));
        return get(id);
    }

    /** SEC-03: another feature's fact on the work order's timeline, e.g. what happened to its visit clocks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(UUID workOrderId, Instant at, String actor, String action) {
        workOrders.recordHistory(workOrderId, HistoryLine.note(at, actor, action));
    }

    /** A line for a work order's history, for {@link #noteAll}. */
    public record Note(UUID workOrderId, Instant at, String actor, String action) {
    }

    /** Issue 18: many notes on their work orders' histories with one statement, in the given order (set-based jobs). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteAll(List<Note> notes) {
        workOrders.recordHistories(notes.stream().map(Note::workOrderId).toList(),
                notes.stream().map(n -> HistoryLine.note(n.at(), n.actor(), n.action())).toList());
    }

    /** The work order, if dispatch has it (another feature's events may name an order dispatch never opened). */
    public Optional<WorkOrder> find(UUID id) {
        return workOrders.find(id);
    }

    public WorkOrder get(UUID id) {
        return workOrders.find(id).orElseThrow(() -> notFound(id));
    }

    public PageOf<WorkOrder> search(UUID ticketId, String technician, Paging paging) {
        return workOrders.search(ticketId, technician, paging);
    }

    private WorkOrder lock(UUID id) {
        return workOrders.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    /** DSP-11: an arrival not yet recorded may wait for another feature (an installation's entry review). */
    private WorkOrder requireArrivalAllowed(WorkOrder workOrder) {
        if (workOrder.arrivedAt() == null) {
            guards.requireArrivalAllowed(workOrder);
        }
        return workOrder;
    }

    /** @return false when nothing was written (a second work order for one ticket) */
    private boolean apply(WorkOrderChange change) {
        if (!change.opens()) {
            guards.requireUnlocked(change.workOrder().id(), "be changed");
        }
        if (!workOrders.save(change)) {
            return false;
        }
        change.events().forEach(inProcess::publishEvent);
        change.signals().forEach(inProcess::publishEvent);
        return true;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no work order " + id);
    }
}
