package com.opensvc.aftersales.dispatch.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.clock.VisitClocks;
import com.opensvc.aftersales.dispatch.technician.Candidate;
import com.opensvc.aftersales.dispatch.technician.DispatchPolicy;
import com.opensvc.aftersales.dispatch.technician.TechnicianProposal;
import com.opensvc.aftersales.dispatch.technician.TechnicianRepository;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

@Service
public class WorkOrderService {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);
    /** DSP-01: the service types that need a work order. */
    static final Set<String> DISPATCHED_SERVICE_TYPES = Set.of("ON_SITE", "CARRY_IN", "INSTALLATION");
    static final String POLICY_ACTOR = "system:dispatch-policy";

    private final WorkOrderRepository workOrders;
    private final TechnicianRepository technicians;
    private final OutboxWriter outbox;
    private final DispatchPolicy policy;
    private final Clock clock;
    private final VisitClocks visitClocks;

    public WorkOrderService(WorkOrderRepository workOrders, TechnicianRepository technicians, OutboxWriter outbox,
                            DispatchPolicy policy, Clock clock, VisitClocks visitClocks) {
        this.workOrders = workOrders;
        this.technicians = technicians;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
        this.visitClocks = visitClocks;
    }

    /** The facts of a TicketAccepted that dispatch keeps (its own copy, DESIGN.md §1). */
    public record AcceptedTicket(UUID ticketId, String ticketNumber, String serviceType, String productLine,
                                 String productModel, String serialNumber, String region, String entitlement,
                                 String priority, List<PartLine> expectedParts) {
    }

    /** DSP-01, DSP-02, DSP-03: one work order per accepted ticket, a proposed technician, the parts requested. */
    @Transactional
    public Optional<WorkOrder> createFor(AcceptedTicket ticket, String actor) {
        if (!DISPATCHED_SERVICE_TYPES.contains(ticket.serviceType())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WorkOrder created = new WorkOrder(UUID.randomUUID(), ticket.ticketId(), ticket.ticketNumber(),
                ticket.serviceType(), ticket.productLine(), ticket.productModel(), ticket.serialNumber(), ticket.region(),
                ticket.entitlement(), ticket.priority(), ticket.expectedParts(), WorkOrderState.NEW, null, null, now,
                null, null, 0, null, null);
        if (!workOrders.insertIfAbsent(created)) {
            log.info("Ticket {} already has a work order", ticket.ticketId());
            return Optional.empty();
        }
        workOrders.recordHistory(created.id(), now, actor, "CREATED", null, WorkOrderState.NEW);
        outbox.append(WorkOrderEvents.AGGREGATE, ticket.ticketId(), "WorkOrderCreated", 1,
                new WorkOrderEvents.WorkOrderCreated(created.id(), ticket.ticketId(), ticket.ticketNumber(),
                        ticket.serviceType(), ticket.productLine(), ticket.productModel(), ticket.serialNumber(),
                        ticket.region(), ticket.expectedParts(), actor, now));
        Optional<Candidate> proposal = TechnicianProposal.propose(technicians.candidatesInRegion(ticket.region()),
                ticket.productLine(), ticket.region());
        if (proposal.isEmpty()) {
            log.warn("No technician available for work order {} (line {}, region {})", created.id(),
                    ticket.productLine(), ticket.region());
            return Optional.of(created);
        }
        workOrders.propose(created.id(), proposal.get().login());
        if (policy.automatic()) {
            assign(created, proposal.get().login(), "AUTOMATIC_POLICY", POLICY_ACTOR, now);
        }
        return workOrders.find(created.id());
    }

    /** DSP-02: the supervisor confirms the proposal or names another technician. */
    @Transactional
    public WorkOrder confirmAssignment(UUID id, String technician, String actor) {
        WorkOrder workOrder = workOrders.findForUpdate(id).orElseThrow(() -> notFound(id));
        String chosen = technician != null ? technician : workOrder.proposedTechnician();
        if (chosen == null) {
            throw new InvalidFieldException("technicianId", "no technician was proposed; name one");
        }
        if (technicians.homeStore(chosen).isEmpty()) {
            throw new InvalidFieldException("technicianId", "is not a known technician");
        }
        assign(workOrder, chosen, "SUPERVISOR", actor, clock.instant());
        return get(id);
    }

    private void assign(WorkOrder workOrder, String technician, String assignedBy, String actor, Instant now) {
        WorkOrderState next = workOrder.expectedParts().isEmpty() ? WorkOrderState.READY : WorkOrderState.AWAITING_PARTS;
        workOrder.state().requireTransitionTo(next);
        workOrders.assign(workOrder.id(), technician, next, now);
        technicians.markAssigned(technician, now);
        workOrders.recordHistory(workOrder.id(), now, actor, "ASSIGNED " + technician, workOrder.state(), next);
        outbox.append(WorkOrderEvents.AGGREGATE, workOrder.ticketId(), "TechnicianAssigned", 1,
                new WorkOrderEvents.TechnicianAssigned(workOrder.id(), workOrder.ticketId(), technician, assignedBy,
                        actor, now));
        visitClocks.dispatched(workOrder.id(), workOrder.ticketId(), now);
        if (!workOrder.expectedParts().isEmpty()) {
            String store = technicians.homeStore(technician).orElseThrow();
            outbox.append(WorkOrderEvents.AGGREGATE, workOrder.ticketId(), "PartsRequested", 1,
                    new WorkOrderEvents.PartsRequested(workOrder.id(), workOrder.ticketId(), technician, store,
                            workOrder.expectedParts(), actor, now));
        }
    }

    /** DSP-03: the parts are in the technician's hands. */
    @Transactional
    public void partsIssued(UUID workOrderId, String actor) {
        WorkOrder workOrder = workOrders.findForUpdate(workOrderId).orElse(null);
        if (workOrder == null || !workOrder.state().canBecome(WorkOrderState.READY)) {
            log.warn("PartsIssued for work order {} in state {} ignored", workOrderId,
                    workOrder == null ? "unknown" : workOrder.state());
            return;
        }
        Instant now = clock.instant();
        workOrders.changeState(workOrderId, WorkOrderState.READY, now);
        workOrders.recordHistory(workOrderId, now, actor, "PARTS_ISSUED", workOrder.state(), WorkOrderState.READY);
    }

    /** DSP-05: the assigned technician (SEC-02) records the fixed visit; the work order closes. */
    @Transactional
    public WorkOrder recordFixedVisit(UUID id, RecordVisitRequest visit, String technician) {
        WorkOrder workOrder = workOrders.findForUpdate(id).orElseThrow(() -> notFound(id));
        requireAssignedTo(workOrder, technician);
        workOrder.state().requireTransitionTo(WorkOrderState.COMPLETED);
        Instant now = clock.instant();
        workOrders.insertVisit(UUID.randomUUID(), id, technician, visit, now);
        // DSP-08: a fixed product means the technician was on site and worked, whether or not they said so
        if (workOrder.arrivedAt() == null) {
            arrive(workOrder, technician, now);
        }
        if (workOrder.workStartedAt() == null) {
            startWork(workOrder, technician, now);
        }
        visitClocks.fixed(id, now);
        workOrders.changeState(id, WorkOrderState.COMPLETED, now);
        workOrders.recordHistory(id, now, technician, "VISIT_FIXED", workOrder.state(), WorkOrderState.COMPLETED);
        boolean firstTimeFix = workOrders.countVisits(id) == 1;
        outbox.append(WorkOrderEvents.AGGREGATE, workOrder.ticketId(), "RepairClosed", 1,
                new WorkOrderEvents.RepairClosed(id, workOrder.ticketId(), technician, workOrder.productModel(),
                        workOrder.serialNumber(), workOrder.entitlement(), visit.outcome().name(), visit.symptom(),
                        visit.causeCode(), visit.actions(), visit.partsUsed(), visit.labourMinutes(), firstTimeFix,
                        visit.customerConfirmation(), technician, now));
        return get(id);
    }

    /** SEC-02: a technician sees and changes only the work orders assigned to them. */
    public static void requireAssignedTo(WorkOrder workOrder, String technician) {
        if (!technician.equals(workOrder.technician())) {
            throw new ForbiddenException("work order " + workOrder.id() + " is not assigned to you");
        }
    }

    public WorkOrder get(UUID id) {
        return workOrders.find(id).orElseThrow(() -> notFound(id));
    }

    public List<WorkOrder> search(UUID ticketId, String technician, int page, int size) {
        return workOrders.search(ticketId, technician, size, page * size);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no work order " + id);
    }

    /** DSP-08: the assigned technician (SEC-02), or a supervisor on their behalf, is on site now. */
    @Transactional
    public WorkOrder recordArrival(UUID id, String actor, boolean onBehalfOfTechnician) {
        WorkOrder workOrder = openForVisitMilestone(id, actor, onBehalfOfTechnician, "record arrival");
        if (workOrder.arrivedAt() != null) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "record arrival: it was recorded at " + workOrder.arrivedAt());
        }
        arrive(workOrder, actor, clock.instant());
        return get(id);
    }

    /** DSP-08: work on site starts now; an arrival not yet recorded is implied. */
    @Transactional
    public WorkOrder recordWorkStarted(UUID id, String actor, boolean onBehalfOfTechnician) {
        WorkOrder workOrder = openForVisitMilestone(id, actor, onBehalfOfTechnician, "record the start of work");
        if (workOrder.workStartedAt() != null) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "record the start of work: it was recorded at " + workOrder.workStartedAt());
        }
        Instant now = clock.instant();
        if (workOrder.arrivedAt() == null) {
            arrive(workOrder, actor, now);
        }
        startWork(workOrder, actor, now);
        return get(id);
    }

    /** Milestones belong to an assigned order that is still open (parts may still be on their way). */
    private WorkOrder openForVisitMilestone(UUID id, String actor, boolean onBehalfOfTechnician, String action) {
        WorkOrder workOrder = workOrders.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!onBehalfOfTechnician) {
            requireAssignedTo(workOrder, actor);
        }
        if (workOrder.state() != WorkOrderState.AWAITING_PARTS && workOrder.state() != WorkOrderState.READY) {
            throw new StateConflictException("work order", workOrder.state().name(), action);
        }
        return workOrder;
    }

    private void arrive(WorkOrder workOrder, String actor, Instant now) {
        workOrders.markArrived(workOrder.id(), now);
        visitClocks.arrived(workOrder.id(), now);
        workOrders.recordHistory(workOrder.id(), now, actor, "ARRIVED " + workOrder.technician(), workOrder.state(),
                workOrder.state());
        outbox.append(WorkOrderEvents.AGGREGATE, workOrder.ticketId(), "TechnicianArrived", 1,
                new WorkOrderEvents.TechnicianArrived(workOrder.id(), workOrder.ticketId(), workOrder.technician(),
                        actor, now));
    }

    private void startWork(WorkOrder workOrder, String actor, Instant now) {
        workOrders.markWorkStarted(workOrder.id(), now);
        visitClocks.workStarted(workOrder.id(), workOrder.ticketId(), now);
        workOrders.recordHistory(workOrder.id(), now, actor, "WORK_STARTED " + workOrder.technician(),
                workOrder.state(), workOrder.state());
        outbox.append(WorkOrderEvents.AGGREGATE, workOrder.ticketId(), "WorkStarted", 1,
                new WorkOrderEvents.WorkStarted(workOrder.id(), workOrder.ticketId(), workOrder.technician(), actor,
                        now));
    }
}
