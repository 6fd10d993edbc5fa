package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.AWAITING_PARTS;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.AWAITING_SUPPORT;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.COMPLETED;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.CANCELLED;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.NEW;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.ON_HOLD;
import static com.opensvc.aftersales.dispatch.workorder.WorkOrderState.READY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.Visit;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.Confirmation;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.PartsRequested;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianArrived;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianAssigned;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderCreated;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderHandedBack;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderReassigned;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkStarted;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.ClocksPaused;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.ClocksResumed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.PauseReason;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderSignals.WorkOrderCancelled;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * The work order aggregate. Each transition guards its state (through {@link WorkOrderState}'s table) and returns the
 * {@link WorkOrderChange} it caused; it changes nothing itself. Every change of the row counts up {@code version}
 * (the ETag), except the proposal, which only prepares the supervisor's decision.
 */
public record WorkOrder(UUID id, UUID ticketId, String ticketNumber, String serviceType, String productLine,
                        String productModel, String serialNumber, String region, String entitlement, String priority,
                        List<PartLine> expectedParts, WorkOrderState state, String proposedTechnician,
                        String technician, Instant createdAt, Instant assignedAt, Instant closedAt, int version,
                        Instant arrivedAt, Instant workStartedAt, UUID acceptanceEventId, UUID previousWorkOrderId,
                        Backorder backorder, Hold hold, String kind, UUID customerId, UUID installedProductId,
                        Site site, List<SlipApproval> slipApprovals, Handling handling, String backupTechnician,
                        Instant inPoolSince, String handedBackBy, WorkOrderState handedBackFrom) {
    /** DSP-01: the service types that need a work order. */
    static final Set<String> DISPATCHED_SERVICE_TYPES = Set.of("ON_SITE", "CARRY_IN", "INSTALLATION");

    /**
     * DSP-01: a new work order for an accepted ticket whose service type needs one: one per acceptance
     * ({@code acceptanceEventId}); a ticket accepted again after a reopen links the new order to its
     * {@code previous} one.
     */
    static Optional<WorkOrderChange> openFor(TicketAccepted ticket, UUID acceptanceEventId, UUID previous, Instant now) {
        if (!DISPATCHED_SERVICE_TYPES.contains(ticket.serviceType())) {
            return Optional.empty();
        }
        WorkOrder opened = new Builder().id(UUID.randomUUID()).ticketId(ticket.ticketId())
                .ticketNumber(ticket.ticketNumber()).serviceType(ticket.serviceType())
                .productLine(ticket.productLine()).productModel(ticket.productModel())
                .serialNumber(ticket.serialNumber()).region(ticket.customerRegion()).entitlement(ticket.entitlement())
                .priority(ticket.priority()).expectedParts(ticket.expectedParts()).state(NEW).createdAt(now)
                .acceptanceEventId(acceptanceEventId).previousWorkOrderId(previous).kind(ticket.kind())
                .customerId(ticket.customerId()).installedProductId(ticket.installedProductId()).site(ticket.site())
                .build();
        return Optional.of(WorkOrderChange.opened(opened,
                HistoryLine.first(now, ticket.actor(), previous == null ? "CREATED" : "CREATED after " + previous, NEW),
                new WorkOrderCreated(opened.id, opened.ticketId, ticket.ticketNumber(), ticket.serviceType(),
                        ticket.productLine(), ticket.productModel(), ticket.serialNumber(), ticket.customerRegion(),
                        ticket.expectedParts(), previous, ticket.actor(), now)));
    }

    /** DSP-02: the technician the policy proposes, for the supervisor to confirm. */
    WorkOrderChange propose(String login) {
        return WorkOrderChange.quiet(toBuilder().proposedTechnician(login).build());
    }

    /** DSP-02, DSP-03: assigned (no backup named, handling from the service type); see {@link #assign(Dispatch, String, Instant)}. */
    WorkOrderChange assign(String login, String homeStore, AssignedBy assignedBy, String actor, Instant now) {
        return assign(new Dispatch(login, homeStore, null, Handling.defaultFor(serviceType), assignedBy, false, null),
                actor, now);
    }

    /**
     * DSP-02, DSP-03, INT-22: assigned to a main technician with a backup; the expected parts are requested from the
     * technician's home store. DSP-04: an order handed back keeps its parts: they follow the new technician
     * ({@code WorkOrderReassigned}), not requested again, and the order is READY if they were in hand.
     */
    WorkOrderChange assign(Dispatch dispatch, String actor, Instant now) {
        String login = dispatch.technician();
        if (state != NEW) {
            throw state.conflict("assign " + login);
        }
        requireSlipApproved("assign " + login);
        boolean partsFollow = handedBackBy != null && !expectedParts.isEmpty();
        boolean partsInHand = expectedParts.isEmpty() || (partsFollow && handedBackFrom == READY);
        WorkOrderState next = state.requireTransitionTo(partsInHand ? READY : AWAITING_PARTS);
        WorkOrder assigned = toBuilder().technician(login).backupTechnician(dispatch.backup())
                .handling(dispatch.handling()).inPoolSince(null).handedBackBy(null).handedBackFrom(null).state(next)
                .assignedAt(now).version(version + 1).build();
        List<WorkOrderEvent> events = new ArrayList<>();
        events.add(new TechnicianAssigned(id, ticketId, login, dispatch.assignedBy(), actor, now, dispatch.backup(),
                dispatch.handling(), dispatch.capacityOverride()));
        if (partsFollow) {
            events.add(new WorkOrderReassigned(id, ticketId, handedBackBy, login, dispatch.homeStore(),
                    "handed back by " + handedBackBy + " (DSP-04)", actor, now));
        } else if (!expectedParts.isEmpty()) {
            events.add(new PartsRequested(id, ticketId, login, dispatch.homeStore(), expectedParts, actor, now));
        }
        String action = (dispatch.assignedBy() == AssignedBy.POOL_CLAIM ? "CLAIMED " : "ASSIGNED ") + dispatch.describe();
        return WorkOrderChange.of(assigned, new HistoryLine(now, actor, action, state, next), events);
    }

    /**
     * DSP-02, DSP-03, INT-22: an assigned, open order goes to another technician; the reason is recorded, the visit
     * clocks keep running, parts follows ({@code WorkOrderReassigned}); {@code TechnicianAssigned} tells who has it now.
     */
    WorkOrderChange reassign(Dispatch dispatch, String reason, String actor, Instant now) {
        if (technician == null || state == NEW || state.closed()) {
            throw state.conflict("reassign: the work order is not assigned and open");
        }
        if (dispatch.technician().equals(technician)) {
            throw new InvalidFieldException("technicianId", "is the technician the order is assigned to");
        }
        WorkOrder reassigned = toBuilder().technician(dispatch.technician()).backupTechnician(dispatch.backup())
                .assignedAt(now).version(version + 1).build();
        List<WorkOrderEvent> events = List.of(
                new TechnicianAssigned(id, ticketId, dispatch.technician(), dispatch.assignedBy(), actor, now,
                        dispatch.backup(), handling, dispatch.capacityOverride()),
                new WorkOrderReassigned(id, ticketId, technician, dispatch.technician(), dispatch.homeStore(), reason,
                        actor, now));
        return WorkOrderChange.of(reassigned, new HistoryLine(now, actor,
                "REASSIGNED " + technician + " → " + dispatch.describe() + ": " + reason, state, state), events);
    }

    /**
     * DSP-04: the assigned technician (SEC-02) cannot keep the order and hands it back before arriving: NEW again,
     * unassigned; its parts stay with them until the next assignment moves them on.
     */
    WorkOrderChange handBack(String login, String reason, Instant now) {
        requireAssignedTo(login);
        return backToNew(reason, login, now);
    }

    /** INT-22: the main technician is absent and no backup can take the order: back to NEW for the supervisor. */
    WorkOrderChange returnForAbsence(String reason, String actor, Instant now) {
        return backToNew(reason, actor, now);
    }

    private WorkOrderChange backToNew(String reason, String actor, Instant now) {
        if (state != AWAITING_PARTS && state != READY) {
            throw state.conflict("hand back");
        }
        if (arrivedAt != null) {
            throw state.conflict("hand back: the technician arrived at " + arrivedAt);
        }
        WorkOrderState next = state.requireTransitionTo(NEW);
        WorkOrder back = toBuilder().state(next).technician(null).backupTechnician(null).proposedTechnician(null)
                .assignedAt(null).handedBackBy(technician).handedBackFrom(state).version(version + 1).build();
        return WorkOrderChange.of(back, new HistoryLine(now, actor, "HANDED_BACK by " + technician + ": " + reason,
                state, next), List.of(new WorkOrderHandedBack(id, ticketId, technician, reason, actor, now)));
    }

    /** DSP-02: a NEW order waits in its region's open pool for a technician to claim it. */
    WorkOrderChange toPool(String actor, Instant now) {
        if (state != NEW) {
            throw state.conflict("put in the open pool");
        }
        if (inPoolSince != null) {
            throw state.conflict("put in the open pool: it is there since " + inPoolSince);
        }
        return WorkOrderChange.of(toBuilder().inPoolSince(now).version(version + 1).build(),
                new HistoryLine(now, actor, "OPEN_POOL region " + region, state, state), List.of());
    }

    /** DSP-02: a technician claims the order from the open pool (the first claim wins; the order is locked). */
    WorkOrderChange claim(Dispatch dispatch, Instant now) {
        if (state != NEW || inPoolSince == null) {
            throw state.conflict("claim: the work order is not in the open pool");
        }
        return assign(dispatch, dispatch.technician(), now);
    }

    /**
     * DSP-03, PRT-01: parts issued only the available lines of the request ({@code complete} false; the rest is
     * back-ordered and PartsBackordered follows): the order keeps waiting for parts, the partial issue noted on its
     * history ("PARTS_PARTLY_ISSUED"); a held or handed-back order keeps waiting too. A complete issue readies it
     * ({@link #partsIssued(String, Instant)}). Any order not waiting for parts ignores it.
     */
    Optional<WorkOrderChange> partsIssued(boolean complete, String actor, Instant now) {
        if (complete) {
            return partsIssued(actor, now);
        }
        if (state == NEW && handedBackFrom == AWAITING_PARTS) {
            return Optional.of(WorkOrderChange.of(this, HistoryLine.note(now, actor,
                    "PARTS_PARTLY_ISSUED while handed back"), List.of()));
        }
        if (state == ON_HOLD && hold.heldFrom() == AWAITING_PARTS) {
            return Optional.of(WorkOrderChange.of(this,
                    new HistoryLine(now, actor, "PARTS_PARTLY_ISSUED while on hold", state, state), List.of()));
        }
        if (state != AWAITING_PARTS) {
            return Optional.empty();
        }
        return Optional.of(WorkOrderChange.of(this,
                new HistoryLine(now, actor, "PARTS_PARTLY_ISSUED", state, state), List.of()));
    }

    /**
     * DSP-03: the parts are in the technician's hands (parts issued the request or filled its backorder): the order is
     * READY and its backorder cleared; a held order will return to READY. Any other order ignores them.
     */
    Optional<WorkOrderChange> partsIssued(String actor, Instant now) {
        if (state == NEW && handedBackFrom == AWAITING_PARTS) {
            return Optional.of(WorkOrderChange.of(toBuilder().handedBackFrom(READY).backorder(null)
                    .version(version + 1).build(), HistoryLine.note(now, actor, "PARTS_ISSUED while handed back"),
                    List.of()));
        }
        if (state == ON_HOLD && hold.heldFrom() == AWAITING_PARTS) {
            Hold ready = new Hold(READY, hold.forQuote(), hold.reason(), hold.since());
            return Optional.of(WorkOrderChange.of(toBuilder().hold(ready).backorder(null).version(version + 1).build(),
                    new HistoryLine(now, actor, "PARTS_ISSUED while on hold", state, state), List.of()));
        }
        if (state != AWAITING_PARTS) {
            return Optional.empty();
        }
        return Optional.of(WorkOrderChange.of(toBuilder().state(READY).backorder(null).version(version + 1).build(),
                new HistoryLine(now, actor, "PARTS_ISSUED", state, READY), List.of()));
    }

    /**
     * DSP-03: parts could not issue everything; the order shows what is missing and when it is expected, and stays
     * AWAITING_PARTS (the supervisor may cancel or reassign it meanwhile). An order not waiting for parts ignores it.
     */
    Optional<WorkOrderChange> partsBackordered(PartsBackordered backordered, Instant now) {
        boolean waiting = state == AWAITING_PARTS || (state == ON_HOLD && hold.heldFrom() == AWAITING_PARTS);
        if (!waiting) {
            return Optional.empty();
        }
        List<Backorder.MissingPart> lines = backordered.lines().stream()
                .map(l -> new Backorder.MissingPart(l.partNumber(), l.missing(), l.expectedDate())).toList();
        LocalDate expected = backordered.lines().stream().map(PartsBackordered.Line::expectedDate)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(backordered.expectedDate());
        Backorder backorder = new Backorder(lines, expected);
        return Optional.of(WorkOrderChange.of(toBuilder().backorder(backorder).version(version + 1).build(),
                new HistoryLine(now, backordered.actor(), "PARTS_BACKORDERED expected " + expected, state, state),
                List.of()));
    }

    /**
     * INT-07: the ticket's entitlement changed after acceptance: the order takes the new entitlement (the one
     * RepairClosed reports) and is held, its visit clocks paused; a hold already in force takes the latest change.
     * A closed order ignores it.
     */
    Optional<WorkOrderChange> hold(EntitlementChanged changed, Instant now) {
        if (state.closed()) {
            return Optional.empty();
        }
        String reason = changed.previousEntitlement() + " → " + changed.entitlement()
                + (changed.reason() == null ? "" : ": " + changed.reason());
        if (state == ON_HOLD) {
            Hold renewed = new Hold(hold.heldFrom(), changed.quoteRequired(), reason, hold.since());
            return Optional.of(WorkOrderChange.of(
                    toBuilder().entitlement(changed.entitlement()).hold(renewed).version(version + 1).build(),
                    new HistoryLine(now, changed.actor(), "ENTITLEMENT_CHANGED " + reason, state, state), List.of()));
        }
        WorkOrderState next = state.requireTransitionTo(ON_HOLD);
        WorkOrder held = toBuilder().entitlement(changed.entitlement()).state(next)
                .hold(new Hold(state, changed.quoteRequired(), reason, now)).version(version + 1).build();
        return Optional.of(WorkOrderChange.of(held,
                        new HistoryLine(now, changed.actor(), "ON_HOLD " + reason, state, next), List.of())
                .withSignal(new ClocksPaused(id, PauseReason.WORK_ORDER_ON_HOLD, now)));
    }

    /** INT-08: the quote the hold waited for is approved: back to the state it was held from. */
    Optional<WorkOrderChange> quoteApproved(String actor, Instant now) {
        if (state != ON_HOLD || !hold.forQuote()) {
            return Optional.empty();
        }
        return Optional.of(released(actor, "RELEASED quote approved", now));
    }

    /** INT-07: the supervisor releases a hold that does not wait for a quote (409 while it does, or when not held). */
    WorkOrderChange release(String actor, Instant now) {
        if (state != ON_HOLD) {
            throw state.conflict("release: the work order is not on hold");
        }
        if (hold.forQuote()) {
            throw state.conflict("release: the hold waits for an approved quote (INT-08)");
        }
        return released(actor, "RELEASED", now);
    }

    /** INT-08: the quote a held order waited for was declined or expired: the order is cancelled. */
    Optional<WorkOrderChange> quoteDeclined(String actor, Instant now) {
        if (state != ON_HOLD) {
            return Optional.empty();
        }
        WorkOrderState next = state.requireTransitionTo(CANCELLED);
        return Optional.of(WorkOrderChange.of(toBuilder().state(next).closedAt(now).version(version + 1).build(),
                        new HistoryLine(now, actor, "CANCELLED quote declined", state, next),
                        List.of(new WorkOrderEvents.WorkOrderCancelled(id, ticketId, technician, "QUOTE_DECLINED",
                                actor, now)))
                .withSignal(new WorkOrderCancelled(id, actor, now)));
    }

    /** SLA-05: the ticket is PENDING (or resumed): the visit clocks pause (or run again); a note on the history. */
    Optional<WorkOrderChange> ticketPaused(boolean paused, String actor, Instant now) {
        if (state.closed()) {
            return Optional.empty();
        }
        Object signal = paused ? new ClocksPaused(id, PauseReason.TICKET_PENDING, now)
                : new ClocksResumed(id, PauseReason.TICKET_PENDING, now);
        return Optional.of(WorkOrderChange.of(this,
                        HistoryLine.note(now, actor, paused ? "CLOCKS_PAUSED ticket pending" : "CLOCKS_RESUMED ticket resumed"),
                        List.of())
                .withSignal(signal));
    }

    private WorkOrderChange released(String actor, String action, Instant now) {
        WorkOrderState next = state.requireTransitionTo(hold.heldFrom());
        return WorkOrderChange.of(toBuilder().state(next).hold(null).version(version + 1).build(),
                        new HistoryLine(now, actor, action, state, next), List.of())
                .withSignal(new ClocksResumed(id, PauseReason.WORK_ORDER_ON_HOLD, now));
    }

    /** DSP-08: the assigned technician (SEC-02), or a supervisor on their behalf, is on site now. */
    WorkOrderChange recordArrival(String actor, boolean onBehalfOfTechnician, Instant now) {
        requireVisitMilestone(actor, onBehalfOfTechnician, "record arrival");
        if (arrivedAt != null) {
            throw state.conflict("record arrival: it was recorded at " + arrivedAt);
        }
        return arrived(actor, now);
    }

    /** DSP-08: work on site starts now; an arrival not yet recorded is implied. */
    WorkOrderChange recordWorkStarted(String actor, boolean onBehalfOfTechnician, Instant now) {
        requireVisitMilestone(actor, onBehalfOfTechnician, "record the start of work");
        if (workStartedAt != null) {
            throw state.conflict("record the start of work: it was recorded at " + workStartedAt);
        }
        return arrivedIfNotYet(actor, now).andThen(w -> w.workStarted(actor, now));
    }

    /**
     * DSP-05: the assigned technician (SEC-02) records the fixed visit and the order closes. DSP-08: a fixed product
     * means the technician was on site and worked, whether or not they said so. First-time fix (DSP-01, DSP-06): not for
     * an order that repeats an earlier one of the ticket, nor for one with an earlier NOT_FIXED visit.
     */
    WorkOrderChange recordFixedVisit(RecordVisitRequest report, String login, int earlierNotFixedVisits, Instant now) {
        return recordFixedVisit(report, null, login, earlierNotFixedVisits, now);
    }

    /** DSP-05: as above, with the visit's charges and payment ({@code charged} null when nothing is charged). */
    WorkOrderChange recordFixedVisit(RecordVisitRequest report, ChargeSheet charged, String login,
                                     int earlierNotFixedVisits, Instant now) {
        requireAssignedTo(login);
        boolean firstTimeFix = previousWorkOrderId == null && earlierNotFixedVisits == 0;
        state.requireTransitionTo(COMPLETED);
        WorkOrderChange milestones = arrivedIfNotYet(login, now);
        if (workStartedAt == null) {
            milestones = milestones.andThen(w -> w.workStarted(login, now));
        }
        return milestones.andThen(w -> w.completed(report, charged, login, firstTimeFix, now))
                .withVisit(new Visit(UUID.randomUUID(), id, login, report, now));
    }

    /**
     * DSP-07: a depot repair's product is returned; the order closes through the same completion as a fixed visit
     * (RepairClosed), reported for the assigned technician, with no on-site milestones implied. The actor (who handed
     * it to the carrier) is on the history.
     */
    WorkOrderChange completeDepotRepair(RecordVisitRequest report, String actor, int earlierNotFixedVisits,
                                        Instant now) {
        if (technician == null) {
            throw state.conflict("close the depot repair: no technician is assigned");
        }
        boolean firstTimeFix = previousWorkOrderId == null && earlierNotFixedVisits == 0;
        state.requireTransitionTo(COMPLETED);
        return WorkOrderChange.of(this, HistoryLine.note(now, actor, "DEPOT_REPAIR_RETURNED"), List.of())
                .andThen(w -> w.completed(report, null, technician, firstTimeFix, now))
                .withVisit(new Visit(UUID.randomUUID(), id, technician, report, now));
    }

    /** DSP-02: the kind of work order whose service slip needs the quality lead's and a manager's approval. */
    static final String COMPLAINT = "COMPLAINT";

    /**
     * DSP-02: the quality lead or a manager approves a complaint's service slip. 409 on an order that needs no approval,
     * on a closed one, for a kind already approved, and when the approver gave the other approval (two people).
     */
    WorkOrderChange approveSlip(SlipApproval.Kind approval, String approver, Instant now) {
        String attempted = "approve the service slip as " + approval;
        if (!COMPLAINT.equals(kind)) {
            throw state.conflict(attempted + ": only a complaint's work order needs approval (DSP-02)");
        }
        if (state.closed()) {
            throw state.conflict(attempted);
        }
        for (SlipApproval given : slipApprovals) {
            if (given.approval() == approval) {
                throw state.conflict(attempted + ": " + approval + " was given by " + given.approver()
                        + " at " + given.approvedAt());
            }
            if (given.approver().equals(approver)) {
                throw state.conflict(attempted + ": " + approver + " gave the " + given.approval()
                        + " approval; the other must come from someone else (DSP-02)");
            }
        }
        List<SlipApproval> approvals = new ArrayList<>(slipApprovals);
        approvals.add(new SlipApproval(approval, approver, approver, now));
        return WorkOrderChange.of(toBuilder().slipApprovals(approvals).version(version + 1).build(),
                HistoryLine.note(now, approver, "SLIP_APPROVED " + approval),
                List.of(new ServiceSlipApproved(id, ticketId, approval, approver, approver, now)));
    }

    /** DSP-02: the approvals a complaint's service slip still lacks before it is dispatched (none for other orders). */
    public List<SlipApproval.Kind> missingSlipApprovals() {
        if (!COMPLAINT.equals(kind)) {
            return List.of();
        }
        return Arrays.stream(SlipApproval.Kind.values())
                .filter(k -> slipApprovals.stream().noneMatch(a -> a.approval() == k)).toList();
    }

    /** DSP-02: true when the order may be dispatched as far as the service slip's approvals go. */
    public boolean slipApproved() {
        return missingSlipApprovals().isEmpty();
    }

    /** DSP-02: every path that assigns (supervisor, automatic policy, open pool) is refused (409) until approved. */
    private void requireSlipApproved(String attempted) {
        List<SlipApproval.Kind> missing = missingSlipApprovals();
        if (!missing.isEmpty()) {
            throw state.conflict(attempted + ": the complaint's service slip still needs the approval of "
                    + String.join(" and ", missing.stream().map(Enum::name).toList()) + " (DSP-02)");
        }
    }

    /**
     * DSP-06: the assigned technician (SEC-02) records a visit that did not fix the product; the order waits
     * AWAITING_SUPPORT for engineering's solution. DSP-08: the technician was on site and worked, so the arrival clock
     * is met and the fix clock starts if it had not; the fix clock keeps running (the customer still waits).
     */
    WorkOrderChange recordNotFixedVisit(NotFixedVisitRequest report, String login, Instant now) {
        requireAssignedTo(login);
        state.requireTransitionTo(AWAITING_SUPPORT);
        WorkOrderChange milestones = arrivedIfNotYet(login, now);
        if (workStartedAt == null) {
            milestones = milestones.andThen(w -> w.workStarted(login, now));
        }
        return milestones.andThen(w -> w.notFixed(report, login, now));
    }

    private WorkOrderChange notFixed(NotFixedVisitRequest report, String login, Instant now) {
        RepairNotFixed event = new RepairNotFixed(id, ticketId, UUID.randomUUID(), login, productModel,
                report.siteSituation(), report.symptom(), report.actionsTried(), report.labourMinutes(),
                report.question(), report.attachmentsOrEmpty(), login, now);
        return WorkOrderChange.of(toBuilder().state(AWAITING_SUPPORT).version(version + 1).build(),
                new HistoryLine(now, login, "VISIT_NOT_FIXED visit " + event.visitId(), state, AWAITING_SUPPORT),
                List.of(event));
    }

    /**
     * DSP-06: engineering answered (or closed) the support request the order waits for: a follow-up visit on the same
     * order by the same technician, READY, or AWAITING_PARTS with the parts the solution names requested for them
     * (DSP-03). An order held while waiting returns there when released. Any other order ignores it.
     */
    Optional<WorkOrderChange> followUpAfterSupport(String why, List<PartLine> partsNeeded, String homeStore,
                                                   String actor, Instant now) {
        WorkOrderState after = partsNeeded.isEmpty() ? READY : AWAITING_PARTS;
        List<WorkOrderEvent> events = partsNeeded.isEmpty() ? List.of()
                : List.of(new PartsRequested(id, ticketId, technician, homeStore, partsNeeded, actor, now));
        String action = "FOLLOW_UP after " + why + (partsNeeded.isEmpty() ? "" : ", parts requested");
        if (state == ON_HOLD && hold.heldFrom() == AWAITING_SUPPORT) {
            Hold moved = new Hold(after, hold.forQuote(), hold.reason(), hold.since());
            return Optional.of(WorkOrderChange.of(toBuilder().hold(moved).version(version + 1).build(),
                    new HistoryLine(now, actor, action + " while on hold", state, state), events));
        }
        if (state != AWAITING_SUPPORT) {
            return Optional.empty();
        }
        WorkOrderState next = state.requireTransitionTo(after);
        return Optional.of(WorkOrderChange.of(toBuilder().state(next).version(version + 1).build(),
                new HistoryLine(now, actor, action, state, next), events));
    }

    /** SEC-02: a technician sees and changes only the work orders assigned to them. */
    public void requireAssignedTo(String login) {
        if (!login.equals(technician)) {
            throw new ForbiddenException("work order " + id + " is not assigned to you");
        }
    }

    /** Milestones belong to an assigned order that is still open (parts may still be on their way). */
    private void requireVisitMilestone(String actor, boolean onBehalfOfTechnician, String action) {
        if (!onBehalfOfTechnician) {
            requireAssignedTo(actor);
        }
        state.requireVisitable(action);
    }

    private WorkOrderChange arrivedIfNotYet(String actor, Instant now) {
        return arrivedAt == null ? arrived(actor, now) : WorkOrderChange.quiet(this);
    }

    private WorkOrderChange arrived(String actor, Instant now) {
        return WorkOrderChange.of(toBuilder().arrivedAt(now).version(version + 1).build(),
                new HistoryLine(now, actor, "ARRIVED " + technician, state, state),
                List.of(new TechnicianArrived(id, ticketId, technician, actor, now)));
    }

    private WorkOrderChange workStarted(String actor, Instant now) {
        return WorkOrderChange.of(toBuilder().workStartedAt(now).version(version + 1).build(),
                new HistoryLine(now, actor, "WORK_STARTED " + technician, state, state),
                List.of(new WorkStarted(id, ticketId, technician, actor, now)));
    }

    private WorkOrderChange completed(RecordVisitRequest report, ChargeSheet charged, String login,
                                      boolean firstTimeFix, Instant now) {
        return WorkOrderChange.of(toBuilder().state(COMPLETED).closedAt(now).version(version + 1).build(),
                new HistoryLine(now, login, "VISIT_FIXED", state, COMPLETED),
                List.of(new RepairClosed(id, ticketId, login, productModel, serialNumber, entitlement,
                        report.outcome(), report.symptom(), report.causeCode(), report.actions(), report.partsUsed(),
                        report.labourMinutes(), firstTimeFix, report.confirmationSummary(), previousWorkOrderId,
                        report.handling(), charged == null ? null : charged.charges(),
                        charged == null ? null : charged.payment(),
                        report.confirmation() == null ? null : new Confirmation(report.confirmation().method()),
                        report.customerRating(), login, now)));
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Names each field, so neither a new order nor a row read back is a list of positional nulls. */
    static final class Builder {
        private UUID id;
        private UUID ticketId;
        private String ticketNumber;
        private String serviceType;
        private String productLine;
        private String productModel;
        private String serialNumber;
        private String region;
        private String entitlement;
        private String priority;
        private List<PartLine> expectedParts = List.of();
        private WorkOrderState state;
        private String proposedTechnician;
        private String technician;
        private Instant createdAt;
        private Instant assignedAt;
        private Instant closedAt;
        private int version;
        private Instant arrivedAt;
        private Instant workStartedAt;
        private UUID acceptanceEventId;
        private UUID previousWorkOrderId;
        private Backorder backorder;
        private Hold hold;
        private String kind;
        private UUID customerId;
        private UUID installedProductId;
        private Site site;
        private List<SlipApproval> slipApprovals = List.of();
        private Handling handling;
        private String backupTechnician;
        private Instant inPoolSince;
        private String handedBackBy;
        private WorkOrderState handedBackFrom;

        Builder() {
        }

        private Builder(WorkOrder w) {
            id(w.id).ticketId(w.ticketId).ticketNumber(w.ticketNumber).serviceType(w.serviceType)
                    .productLine(w.productLine).productModel(w.productModel).serialNumber(w.serialNumber)
                    .region(w.region).entitlement(w.entitlement).priority(w.priority).expectedParts(w.expectedParts)
                    .state(w.state).proposedTechnician(w.proposedTechnician).technician(w.technician)
                    .createdAt(w.createdAt).assignedAt(w.assignedAt).closedAt(w.closedAt).version(w.version)
                    .arrivedAt(w.arrivedAt).workStartedAt(w.workStartedAt).acceptanceEventId(w.acceptanceEventId)
                    .previousWorkOrderId(w.previousWorkOrderId).backorder(w.backorder).hold(w.hold).kind(w.kind)
                    .customerId(w.customerId).installedProductId(w.installedProductId).site(w.site)
                    .slipApprovals(w.slipApprovals)
                    .handling(w.handling).backupTechnician(w.backupTechnician).inPoolSince(w.inPoolSince)
                    .handedBackBy(w.handedBackBy).handedBackFrom(w.handedBackFrom);
        }

        Builder id(UUID value) { id = value; return this; }
        Builder ticketId(UUID value) { ticketId = value; return this; }
        Builder ticketNumber(String value) { ticketNumber = value; return this; }
        Builder serviceType(String value) { serviceType = value; return this; }
        Builder productLine(String value) { productLine = value; return this; }
        Builder productModel(String value) { productModel = value; return this; }
        Builder serialNumber(String value) { serialNumber = value; return this; }
        Builder region(String value) { region = value; return this; }
        Builder entitlement(String value) { entitlement = value; return this; }
        Builder priority(String value) { priority = value; return this; }
        Builder expectedParts(List<PartLine> value) { expectedParts = List.copyOf(value); return this; }
        Builder state(WorkOrderState value) { state = value; return this; }
        Builder proposedTechnician(String value) { proposedTechnician = value; return this; }
        Builder technician(String value) { technician = value; return this; }
        Builder createdAt(Instant value) { createdAt = value; return this; }
        Builder assignedAt(Instant value) { assignedAt = value; return this; }
        Builder closedAt(Instant value) { closedAt = value; return this; }
        Builder version(int value) { version = value; return this; }
        Builder arrivedAt(Instant value) { arrivedAt = value; return this; }
        Builder workStartedAt(Instant value) { workStartedAt = value; return this; }
        Builder acceptanceEventId(UUID value) { acceptanceEventId = value; return this; }
        Builder previousWorkOrderId(UUID value) { previousWorkOrderId = value; return this; }
        Builder backorder(Backorder value) { backorder = value; return this; }
        Builder hold(Hold value) { hold = value; return this; }
        Builder kind(String value) { kind = value; return this; }
        Builder customerId(UUID value) { customerId = value; return this; }
        Builder installedProductId(UUID value) { installedProductId = value; return this; }
        Builder site(Site value) { site = value; return this; }
        Builder slipApprovals(List<SlipApproval> value) { slipApprovals = List.copyOf(value); return this; }
        Builder handling(Handling value) { handling = value; return this; }
        Builder backupTechnician(String value) { backupTechnician = value; return this; }
        Builder inPoolSince(Instant value) { inPoolSince = value; return this; }
        Builder handedBackBy(String value) { handedBackBy = value; return this; }
        Builder handedBackFrom(WorkOrderState value) { handedBackFrom = value; return this; }

        WorkOrder build() {
            return new WorkOrder(id, ticketId, ticketNumber, serviceType, productLine, productModel, serialNumber,
                    region, entitlement, priority, expectedParts, state, proposedTechnician, technician, createdAt,
                    assignedAt, closedAt, version, arrivedAt, workStartedAt, acceptanceEventId, previousWorkOrderId,
                    backorder, hold, kind, customerId, installedProductId, site, slipApprovals, handling,
                    backupTechnician, inPoolSince, handedBackBy, handedBackFrom);
        }
    }
}
