package com.opensvc.aftersales.dispatch.maintenance;

import static com.opensvc.aftersales.dispatch.maintenance.MaintenanceOrderState.ASSIGNED;
import static com.opensvc.aftersales.dispatch.maintenance.MaintenanceOrderState.CANCELLED;
import static com.opensvc.aftersales.dispatch.maintenance.MaintenanceOrderState.DONE;
import static com.opensvc.aftersales.dispatch.maintenance.MaintenanceOrderState.DUE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.maintenance.MaintenanceEvents.FoundProblem;
import com.opensvc.aftersales.dispatch.maintenance.MaintenanceEvents.InspectionProblemFound;
import com.opensvc.aftersales.dispatch.maintenance.MaintenanceEvents.InspectionRecorded;
import com.opensvc.aftersales.dispatch.maintenance.MaintenanceEvents.MaintenanceOrderCreated;
import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.web.ForbiddenException;

/**
 * DSP-09: the work a maintenance plan generates ahead of a due date: one inspection (on site or by phone) or one
 * maintenance item. Not a ticket's work order: it has no ticket. Transitions return the {@link MaintenanceOrderChange}
 * they caused.
 *
 * @param every     the interval of the plan's schedule it was generated for (the next due date is counted from the
 *                  day it was done)
 * @param checklist what the technician checks: the plan's items (an inspection) or the item itself
 */
public record MaintenanceOrder(UUID id, UUID planId, UUID scheduleId, ScheduleKind kind, InspectionMode mode,
                               String name, Interval every, LocalDate dueDate, UUID customerId,
                               UUID installedProductId, String productModel, String serialNumber, String region,
                               List<MaintenancePlan.Item> checklist, MaintenanceOrderState state, String technicianId,
                               Instant createdAt, Instant assignedAt, String assignedBy, LocalDate performedOn,
                               Instant closedAt, String closedBy, UUID inspectionId, int version) {

    /** DSP-09: generated for a schedule due on {@code dueDate}; assigned at once to the plan's technician if it names one. */
    static MaintenanceOrderChange generate(MaintenanceOrderRepository.DueSchedule due, String actor, Instant now) {
        boolean assigned = due.technicianId() != null;
        MaintenanceOrder order = new MaintenanceOrder(UUID.randomUUID(), due.planId(), due.scheduleId(), due.kind(),
                due.mode(), due.name(), due.every(), due.nextDue(), due.customerId(), due.installedProductId(),
                due.productModel(), due.serialNumber(), due.region(), List.of(), assigned ? ASSIGNED : DUE,
                due.technicianId(), now, assigned ? now : null, assigned ? actor : null, null, null, null, null, 0);
        return MaintenanceOrderChange.opened(order, new MaintenanceOrderCreated(order.id, order.planId, order.kind,
                order.mode, order.name, order.dueDate, order.customerId, order.installedProductId, order.productModel,
                order.serialNumber, order.region, order.technicianId, actor, now));
    }

    /** The supervisor assigns (or reassigns) a technician. */
    MaintenanceOrderChange assign(String technician, String actor, Instant now) {
        MaintenanceOrderState next = state.requireTransitionTo(ASSIGNED);
        return MaintenanceOrderChange.of(with(next, technician, now, actor, performedOn, closedAt, closedBy,
                inspectionId));
    }

    /**
     * DSP-09: the assigned technician (SEC-02) records the inspection the customer signed: the order is DONE on
     * {@code record.performedOn()}, the schedule's next due date is counted from that day, and every problem found
     * is published for intake to open a ticket.
     */
    MaintenanceOrderChange recordInspection(InspectionRecord record, LocalDate nextDue, String actor, Instant now) {
        requireAssignedTo(actor);
        MaintenanceOrderState next = state.requireTransitionTo(DONE);
        MaintenanceOrder done = with(next, technicianId, assignedAt, assignedBy, record.performedOn(), now, actor,
                record.id());
        List<OutgoingEvent> events = new ArrayList<>();
        int itemsWithProblems = (int) record.items().stream()
                .filter(i -> i.result() == InspectionRecord.Result.PROBLEM).count();
        events.add(new InspectionRecorded(record.id(), id, planId, customerId, installedProductId, productModel,
                serialNumber, region, kind, mode, dueDate, record.performedOn(), nextDue, technicianId,
                record.items().size(), itemsWithProblems, record.problems().size(), record.confirmation(), actor, now));
        for (InspectionRecord.Problem problem : record.problems()) {
            events.add(new InspectionProblemFound(record.id(), problem.problemId(), id, planId, customerId,
                    installedProductId, productModel, serialNumber, region,
                    new FoundProblem(problem.description(), problem.severity()), technicianId, actor, now));
        }
        return new MaintenanceOrderChange(done, false, record, nextDue, events);
    }

    /** Its plan ended: an open order is cancelled. */
    MaintenanceOrderChange cancel(String actor, Instant now) {
        MaintenanceOrderState next = state.requireTransitionTo(CANCELLED);
        return MaintenanceOrderChange.of(with(next, technicianId, assignedAt, assignedBy, performedOn, now, actor,
                inspectionId));
    }

    /** SEC-02: a technician sees and changes only the maintenance orders assigned to them. */
    public void requireAssignedTo(String login) {
        if (!login.equals(technicianId)) {
            throw new ForbiddenException("maintenance order " + id + " is not assigned to you");
        }
    }

    private MaintenanceOrder with(MaintenanceOrderState next, String technician, Instant assignedAt,
                                  String assignedBy, LocalDate performedOn, Instant closedAt, String closedBy,
                                  UUID inspectionId) {
        return new MaintenanceOrder(id, planId, scheduleId, kind, mode, name, every, dueDate, customerId,
                installedProductId, productModel, serialNumber, region, checklist, next, technician, createdAt, assignedAt,
                assignedBy, performedOn, closedAt, closedBy, inspectionId, version + 1);
    }
}
