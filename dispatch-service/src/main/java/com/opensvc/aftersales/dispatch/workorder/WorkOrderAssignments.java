package com.opensvc.aftersales.dispatch.workorder;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.technician.DispatchPolicy;
import com.opensvc.aftersales.dispatch.technician.TechnicianWentAbsent;
import com.opensvc.aftersales.dispatch.technician.Technicians;
import com.opensvc.aftersales.dispatch.technician.Technicians.Choice;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * DSP-02, DSP-04, INT-22: who gets a work order. The proposal and the dispatch policy (per region or service type),
 * the supervisor's review and reassignment (the chosen technician checked against the proposal's clauses, capacity
 * overridden only explicitly), the open pool and its claims, the technician's hand-back, and the backup taking over
 * an absent main technician's orders. Every decision names a main and a backup person.
 */
@Service
@RequiredArgsConstructor
public class WorkOrderAssignments {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderAssignments.class);
    static final String ABSENCE_REASON = "main absent (INT-22)";

    private final WorkOrderRepository workOrders;
    private final Technicians technicians;
    private final DispatchPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    /**
     * DSP-02: proposes a technician for a NEW order (leaving out who handed it back, DSP-04) and applies the policy of
     * its region and service type: AUTOMATIC assigns the proposal, OPEN_POOL puts the order in its region's pool,
     * SUPERVISOR_CONFIRMS leaves it for the supervisor's review.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void proposeAndApplyPolicy(WorkOrder workOrder, String actor, Instant now) {
        DispatchPolicy.Mode mode = policy.modeFor(workOrder.region(), workOrder.serviceType());
        Set<String> excluded = workOrder.handedBackBy() == null ? Set.of() : Set.of(workOrder.handedBackBy());
        Optional<String> proposal = technicians.proposal(workOrder.productLine(), workOrder.region(), excluded).main();
        WorkOrder current = workOrder;
        if (proposal.isPresent() || current.proposedTechnician() != null) {
            WorkOrderChange proposed = current.propose(proposal.orElse(null));
            apply(proposed);
            current = proposed.workOrder();
        }
        if (!current.slipApproved()) {
            // DSP-02: a complaint's order is dispatched by no path before its service slip is approved
            return;
        }
        if (mode == DispatchPolicy.Mode.OPEN_POOL) {
            apply(current.toPool(actor, now));
            return;
        }
        if (proposal.isEmpty()) {
            log.warn("No technician available for work order {} (line {}, region {})", current.id(),
                    current.productLine(), current.region());
            return;
        }
        if (mode == DispatchPolicy.Mode.AUTOMATIC) {
            Optional<Choice> main = technicians.eligible(proposal.get(), current.productLine(), current.region());
            if (main.isPresent()) {
                apply(current.assign(dispatch(current, main.get(), null, null, AssignedBy.AUTOMATIC_POLICY, null,
                        excluded), actor, now));
                technicians.assigned(proposal.get(), now);
            }
        }
    }

    /** DSP-02: the supervisor's review: the proposal or their own choice, checked; handling; main and backup. */
    @Transactional
    public WorkOrder confirm(UUID id, DispatchDecision decision, String actor) {
        WorkOrder workOrder = lock(id);
        if (workOrder.state() != WorkOrderState.NEW) {
            throw workOrder.state().conflict("assign");
        }
        String chosen = decision.technicianId() != null ? decision.technicianId() : workOrder.proposedTechnician();
        if (chosen == null) {
            throw new InvalidFieldException("technicianId", "no technician was proposed; name one");
        }
        Instant now = clock.instant();
        Choice main = technicians.requireEligible("technicianId", chosen, workOrder.productLine(), workOrder.region(),
                decision.overrideCapacity(), decision.overrideReason());
        apply(workOrder.assign(dispatch(workOrder, main, decision.backupTechnicianId(), decision.handling(),
                AssignedBy.SUPERVISOR, decision.overrideReason(), excludedOf(workOrder)), actor, now));
        technicians.assigned(chosen, now);
        return get(id);
    }

    /** DSP-02, DSP-03: the supervisor gives an assigned, open order to another technician, with a reason. */
    @Transactional
    public WorkOrder reassign(UUID id, DispatchDecision decision, String reason, String actor) {
        WorkOrder workOrder = lock(id);
        if (decision.technicianId() == null) {
            throw new InvalidFieldException("technicianId", "must name the technician the order goes to");
        }
        Instant now = clock.instant();
        Choice main = technicians.requireEligible("technicianId", decision.technicianId(), workOrder.productLine(),
                workOrder.region(), decision.overrideCapacity(), decision.overrideReason());
        Set<String> excluded = workOrder.technician() == null ? Set.of() : Set.of(workOrder.technician());
        apply(workOrder.reassign(dispatch(workOrder, main, decision.backupTechnicianId(), workOrder.handling(),
                AssignedBy.SUPERVISOR, decision.overrideReason(), excluded), reason, actor, now));
        technicians.assigned(main.login(), now);
        return get(id);
    }

    /**
     * DSP-04: the assigned technician (SEC-02) hands the order back: NEW, unassigned, a new proposal without them, the
     * policy applied again.
     */
    @Transactional
    public WorkOrder handBack(UUID id, String technician, String reason) {
        Instant now = clock.instant();
        WorkOrderChange back = lock(id).handBack(technician, reason, now);
        apply(back);
        proposeAndApplyPolicy(back.workOrder(), WorkOrderService.POLICY_ACTOR, now);
        return get(id);
    }

    /** DSP-02: the supervisor puts a NEW order in its region's open pool. */
    @Transactional
    public WorkOrder pool(UUID id, String actor) {
        apply(lock(id).toPool(actor, clock.instant()));
        return get(id);
    }

    /**
     * DSP-02: a technician claims a pooled order: assigned to them if they meet the proposal's clauses (no capacity
     * override). The order's row lock makes two claims at once queue: the first wins, the second finds it taken (409).
     */
    @Transactional
    public WorkOrder claim(UUID id, String technician) {
        WorkOrder workOrder = lock(id);
        if (workOrder.state() != WorkOrderState.NEW || workOrder.inPoolSince() == null) {
            throw workOrder.state().conflict("claim: the work order is not in the open pool");
        }
        Instant now = clock.instant();
        Choice main = technicians.requireEligible("technicianId", technician, workOrder.productLine(),
                workOrder.region(), false, null);
        apply(workOrder.claim(dispatch(workOrder, main, null, null, AssignedBy.POOL_CLAIM, null,
                excludedOf(workOrder)), now));
        technicians.assigned(technician, now);
        return get(id);
    }

    /** DSP-02: the open pool; a technician's is limited to their regions and skills. */
    public PageOf<WorkOrder> openPool(String technician, Paging paging) {
        return workOrders.openPool(technician, paging);
    }

    /**
     * INT-22: a technician became absent (or retired): each of their open orders nobody has arrived at yet goes to
     * its backup (else their default backup) if that one meets the proposal's clauses now, as a reassignment;
     * otherwise it returns to NEW, with a new proposal, for the supervisor. Runs in the change's transaction.
     */
    @EventListener
    public void on(TechnicianWentAbsent absent) {
        for (WorkOrder workOrder : workOrders.openNotStartedOfForUpdate(absent.login())) {
            String backup = workOrder.backupTechnician() != null ? workOrder.backupTechnician()
                    : absent.defaultBackup();
            Optional<Choice> takeOver = backup == null || backup.equals(absent.login()) ? Optional.empty()
                    : technicians.eligible(backup, workOrder.productLine(), workOrder.region());
            if (takeOver.isPresent()) {
                apply(workOrder.reassign(dispatch(workOrder, takeOver.get(), null, workOrder.handling(),
                        AssignedBy.AUTOMATIC_POLICY, null, Set.of(absent.login())), ABSENCE_REASON, absent.actor(),
                        absent.at()));
                technicians.assigned(backup, absent.at());
            } else if (workOrder.state() == WorkOrderState.AWAITING_PARTS || workOrder.state() == WorkOrderState.READY) {
                WorkOrderChange back = workOrder.returnForAbsence(ABSENCE_REASON + ": no eligible backup",
                        absent.actor(), absent.at());
                apply(back);
                Set<String> excluded = Set.of(absent.login());
                technicians.proposal(back.workOrder().productLine(), back.workOrder().region(), excluded).main()
                        .ifPresent(login -> apply(back.workOrder().propose(login)));
            } else {
                log.warn("Work order {} of absent technician {} in state {}: no eligible backup; left to the supervisor",
                        workOrder.id(), absent.login(), workOrder.state());
            }
        }
    }

    /** The checked decision: backup given (checked), else the main one's default backup, else the runner-up. */
    private Dispatch dispatch(WorkOrder workOrder, Choice main, String backup, Handling handling, AssignedBy by,
                              String overrideReason, Set<String> excluded) {
        String field = "backupTechnicianId";
        String checkedBackup = technicians.backupFor(field, main.login(), backup, main.defaultBackup(),
                workOrder.productLine(), workOrder.region(), excluded);
        Handling how = handling != null ? handling
                : workOrder.handling() != null ? workOrder.handling() : Handling.defaultFor(workOrder.serviceType());
        return new Dispatch(main.login(), main.homeStore(), checkedBackup, how, by, main.capacityOverride(),
                main.capacityOverride() ? overrideReason : null);
    }

    private static Set<String> excludedOf(WorkOrder workOrder) {
        Set<String> excluded = new HashSet<>();
        if (workOrder.handedBackBy() != null) {
            excluded.add(workOrder.handedBackBy());
        }
        return excluded;
    }

    private WorkOrder get(UUID id) {
        return workOrders.find(id).orElseThrow(() -> new NotFoundException("no work order " + id));
    }

    private WorkOrder lock(UUID id) {
        return workOrders.findForUpdate(id).orElseThrow(() -> new NotFoundException("no work order " + id));
    }

    private void apply(WorkOrderChange change) {
        workOrders.save(change);
        change.events().forEach(inProcess::publishEvent);
        change.signals().forEach(inProcess::publishEvent);
    }
}
