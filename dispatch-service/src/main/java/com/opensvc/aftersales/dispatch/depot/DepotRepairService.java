package com.opensvc.aftersales.dispatch.depot;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.depot.DepotRepair.RepairReport;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.DepotRepairOpened;
import com.opensvc.aftersales.dispatch.depot.DepotRepairRepository.LoanerUnit;
import com.opensvc.aftersales.dispatch.depot.DepotRepairRepository.StepView;
import com.opensvc.aftersales.dispatch.workorder.RecordVisitRequest;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * DSP-07: loads a depot repair for update, checks who acts (a technician only on the work order assigned to them,
 * SEC-02), lets the repair decide ({@link DepotRepair}) and saves the change; the return closes the work order through
 * {@link WorkOrderService#completeDepotRepair} in the same transaction.
 */
@Service
@RequiredArgsConstructor
public class DepotRepairService {
    private final DepotRepairRepository repairs;
    private final WorkOrderService workOrders;
    private final DepotRepairProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    /** Who acts: {@code technicianOnly} when the caller acts only as a technician (SEC-02 applies). */
    public record Actor(String login, boolean technicianOnly) {
    }

    public record Authorisation(DepotOption option, DepotArrival arrival, boolean equipmentMustKeepWorking) {
    }

    /**
     * The one place that says whether a work order is handled at the depot (carry-in). Today its service type is
     * CARRY_IN; the supervisor's handling decision (DSP-02) widens it.
     */
    public static boolean handledAtDepot(WorkOrder workOrder) {
        return "CARRY_IN".equals(workOrder.serviceType());
    }

    /** DSP-07: the work order becomes a depot repair; the customer gets its return authorisation / receipt number. */
    @Transactional
    public DepotRepair authorise(UUID workOrderId, Authorisation request, Actor actor) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (actor.technicianOnly()) {
            workOrder.requireAssignedTo(actor.login());
        }
        if (!handledAtDepot(workOrder)) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "become a depot repair: it is not handled as CARRY_IN (service type " + workOrder.serviceType() + ")");
        }
        if (workOrder.state().closed() || workOrder.technician() == null) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "become a depot repair: it must be assigned and open");
        }
        repairs.findOfWorkOrder(workOrderId).ifPresent(existing -> {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "become a depot repair: it is one already, " + existing.rmaNumber());
        });
        Instant now = clock.instant();
        String rma = repairs.nextRmaNumber(now.atZone(ZoneOffset.UTC).getYear());
        DepotRepairChange change = DepotRepair.authorise(workOrderId, workOrder.ticketId(), rma, request.option(),
                request.arrival(), request.equipmentMustKeepWorking(), actor.login(), now);
        if (!repairs.save(change)) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "become a depot repair: it became one at the same time");
        }
        workOrders.note(workOrderId, now, actor.login(), "DEPOT_REPAIR " + rma + " " + request.option());
        inProcess.publishEvent(new DepotRepairOpened(change.repair().id(), workOrderId, rma, actor.login(), now));
        return get(change.repair().id());
    }

    /** Receive (the clock starts); the exchange or loaner unit is handed over now. */
    @Transactional
    public DepotRepair receive(UUID id, String exchangeUnitSerial, String loanerUnitSerial, String notes, Actor actor) {
        if (loanerUnitSerial != null && !loanerUnitSerial.isBlank()) {
            repairs.loanerOutOn(loanerUnitSerial.strip()).ifPresent(rma -> {
                throw new StateConflictException("loaner unit " + loanerUnitSerial.strip(), "OUT",
                        "be lent: it is out on " + rma);
            });
        }
        try {
            return step(id, actor, r -> r.receive(exchangeUnitSerial, loanerUnitSerial, notes, properties.target(),
                    actor.login(), clock.instant()));
        } catch (DuplicateKeyException sameLoanerLentAtOnce) {
            throw new StateConflictException("loaner unit " + loanerUnitSerial.strip(), "OUT",
                    "be lent: it was lent on another depot repair at the same time");
        }
    }

    @Transactional
    public DepotRepair repair(UUID id, String symptom, String causeCode, String actions,
                              List<RecordVisitRequest.PartUsed> partsUsed, int labourMinutes, Actor actor) {
        Instant now = clock.instant();
        return step(id, actor, r -> r.repair(new RepairReport(symptom, causeCode, actions, partsUsed, labourMinutes,
                actor.login(), now), actor.login(), now));
    }

    @Transactional
    public DepotRepair test(UUID id, boolean passed, String notes, Actor actor) {
        return step(id, actor, r -> r.test(passed, notes, actor.login(), clock.instant()));
    }

    @Transactional
    public DepotRepair shipToFactory(UUID id, String carrier, String trackingNumber, Actor actor) {
        return step(id, actor, r -> r.shipToFactory(carrier, trackingNumber, actor.login(), clock.instant()));
    }

    @Transactional
    public DepotRepair backFromFactory(UUID id, String notes, Actor actor) {
        return step(id, actor, r -> r.backFromFactory(notes, actor.login(), clock.instant()));
    }

    /** Return: handed to the carrier; the work order closes (RepairClosed) in the same transaction. */
    @Transactional
    public DepotRepair returnProduct(UUID id, String carrier, String trackingNumber, BigDecimal postageCost,
                                     String currency, Actor actor) {
        DepotRepair returned = step(id, actor, r -> r.returnProduct(carrier, trackingNumber, postageCost, currency,
                actor.login(), clock.instant()));
        workOrders.completeDepotRepair(returned.workOrderId(), returned.visitReport(), actor.login());
        return returned;
    }

    @Transactional
    public DepotRepair loanerReturned(UUID id, String notes, Actor actor) {
        return step(id, actor, r -> r.loanerReturned(notes, actor.login(), clock.instant()));
    }

    /** The supervisor's decision that the customer keeps the loaner unit (the controller allows only supervisors). */
    @Transactional
    public DepotRepair loanerKept(UUID id, String reason, Actor actor) {
        return step(id, actor, r -> r.loanerKept(reason, actor.login(), clock.instant()));
    }

    public DepotRepair get(UUID id, Actor viewer) {
        DepotRepair repair = get(id);
        authorize(repair, viewer);
        return repair;
    }

    public PageOf<DepotRepair> search(DepotRepairState state, boolean overdue, UUID workOrderId, Actor viewer,
                                      Paging paging) {
        return repairs.search(new DepotRepairRepository.Filter(state, overdue, workOrderId,
                viewer.technicianOnly() ? viewer.login() : null, clock.instant()), paging);
    }

    public PageOf<StepView> steps(UUID id, Actor viewer, Paging paging) {
        authorize(get(id), viewer);
        return repairs.steps(id, paging);
    }

    public PageOf<LoanerUnit> loaners(Boolean out, Paging paging) {
        return repairs.loaners(out, paging);
    }

    /** DSP-07: the work order's depot repair, if it has one. */
    public java.util.Optional<DepotRepair> ofWorkOrder(UUID workOrderId) {
        return repairs.findOfWorkOrder(workOrderId);
    }

    private DepotRepair step(UUID id, Actor actor, Function<DepotRepair, DepotRepairChange> transition) {
        DepotRepair repair = repairs.findForUpdate(id).orElseThrow(() -> notFound(id));
        authorize(repair, actor);
        repairs.save(transition.apply(repair));
        return get(id);
    }

    /** SEC-02: a technician acts only on the depot repair of a work order assigned to them. */
    private void authorize(DepotRepair repair, Actor actor) {
        if (actor.technicianOnly()) {
            workOrders.get(repair.workOrderId()).requireAssignedTo(actor.login());
        }
    }

    private DepotRepair get(UUID id) {
        return repairs.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no depot repair " + id);
    }
}
