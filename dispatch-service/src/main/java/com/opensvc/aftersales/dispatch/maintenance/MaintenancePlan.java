package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * DSP-09: a preventive-maintenance plan for one installed product, usually from a service contract: the checklist of
 * maintenance items, and the recurring work (routine inspections, items with an interval of their own) whose next
 * due dates move with the actual completion dates. Never deleted (SEC-05): suspended or ended.
 *
 * @param technicianId who goes by default: generated orders are assigned to them at once (else the supervisor assigns)
 */
public record MaintenancePlan(UUID id, UUID customerId, UUID installedProductId, String productModel,
                              String serialNumber, String region, UUID contractId, String technicianId,
                              List<Item> items, List<Schedule> schedules, PlanState state, String stateReason,
                              String createdBy, Instant createdAt, Instant stateChangedAt, String stateChangedBy,
                              int version) {

    /** A maintenance item on the plan's checklist. */
    public record Item(String name, String description) {
    }

    /**
     * One recurring piece of work: a routine inspection (its mode and interval) or a maintenance item with its own
     * interval; {@code openOrderId} is the order generated for {@code nextDue}, not yet done.
     */
    public record Schedule(UUID id, int position, ScheduleKind kind, String name, String description,
                           InspectionMode mode, Interval every, LocalDate nextDue, UUID openOrderId,
                           LocalDate lastCompletedOn) {
    }

    /** A new ACTIVE plan; every schedule is first due on {@code firstDue}. */
    static MaintenancePlan create(CreatePlanRequest request, MaintenanceProperties defaults, String actor, Instant now) {
        List<Schedule> schedules = new ArrayList<>();
        List<CreatePlanRequest.Inspection> inspections = request.inspections() != null ? request.inspections()
                : List.of(new CreatePlanRequest.Inspection(InspectionMode.ON_SITE, defaults.onSiteEvery()),
                        new CreatePlanRequest.Inspection(InspectionMode.PHONE, defaults.phoneEvery()));
        for (CreatePlanRequest.Inspection inspection : inspections) {
            schedules.add(new Schedule(UUID.randomUUID(), schedules.size(), ScheduleKind.INSPECTION,
                    "Routine inspection " + inspection.mode() + " every " + inspection.every(), null,
                    inspection.mode(), inspection.every(), request.firstDue(), null, null));
        }
        List<Item> items = new ArrayList<>();
        for (CreatePlanRequest.ItemInput item : request.itemsOrEmpty()) {
            items.add(new Item(item.name().trim(), item.description()));
            if (item.every() != null) {
                schedules.add(new Schedule(UUID.randomUUID(), schedules.size(), ScheduleKind.ITEM, item.name().trim(),
                        item.description(), item.mode() == null ? InspectionMode.ON_SITE : item.mode(), item.every(),
                        request.firstDue(), null, null));
            }
        }
        return new MaintenancePlan(UUID.randomUUID(), request.customerId(), request.installedProductId(),
                request.productModel().trim(), blankToNull(request.serialNumber()), request.region().trim(),
                request.contractId(), blankToNull(request.technicianId()), List.copyOf(items),
                List.copyOf(schedules), PlanState.ACTIVE, null, actor, now, null, null, 0);
    }

    /** Suspended, resumed or ended, with who and why (SEC-03). */
    MaintenancePlan moveTo(PlanState target, String reason, String actor, Instant now) {
        PlanState next = state.requireTransitionTo(target);
        return new MaintenancePlan(id, customerId, installedProductId, productModel, serialNumber, region, contractId,
                technicianId, items, schedules, next, reason, createdBy, createdAt, now, actor, version + 1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
