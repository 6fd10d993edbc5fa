package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * DSP-09: what maintenance publishes to {@code aftersales.dispatch.workorder}. A maintenance order has no ticket, so
 * each event is keyed by its own aggregate: the maintenance order, or the inspection (platform/contracts holds their
 * schemas).
 */
public final class MaintenanceEvents {
    private MaintenanceEvents() {
    }

    /** On the work-order topic, keyed by {@link #aggregateId()}, not by a ticket. */
    interface MaintenanceEvent extends OutgoingEvent {
        @Override
        default String aggregateType() {
            return WorkOrderEvent.AGGREGATE_TYPE;
        }
    }

    /** DSP-09: a plan's inspection or item is due on {@code dueDate}; generated {@code lead-days} ahead. */
    public record MaintenanceOrderCreated(UUID maintenanceOrderId, UUID planId, ScheduleKind kind, InspectionMode mode,
                                          String name, LocalDate dueDate, UUID customerId, UUID installedProductId,
                                          String productModel, String serialNumber, String region,
                                          String technicianId, String actor, Instant occurredAt)
            implements MaintenanceEvent {
        @Override
        public UUID aggregateId() {
            return maintenanceOrderId;
        }
    }

    /** DSP-09: the technician recorded the inspection, signed by the customer; the plan's next due date moved. */
    public record InspectionRecorded(UUID inspectionId, UUID maintenanceOrderId, UUID planId, UUID customerId,
                                     UUID installedProductId, String productModel, String serialNumber, String region,
                                     ScheduleKind kind, InspectionMode mode, LocalDate dueDate, LocalDate performedOn,
                                     LocalDate nextDue, String technicianId, int itemsChecked, int itemsWithProblems,
                                     int problemsFound, InspectionRecord.ConfirmationMethod confirmation,
                                     String actor, Instant occurredAt) implements MaintenanceEvent {
        @Override
        public UUID aggregateId() {
            return inspectionId;
        }
    }

    /** What was found: the fault description of intake's INSPECTION ticket, and how serious it is. */
    public record FoundProblem(String description, InspectionRecord.Severity severity) {
    }

    /** DSP-09: one problem found on inspection; intake opens a ticket with channel INSPECTION for it. */
    public record InspectionProblemFound(UUID inspectionId, UUID problemId, UUID maintenanceOrderId, UUID planId,
                                         UUID customerId, UUID installedProductId, String productModel,
                                         String serialNumber, String region, FoundProblem problem,
                                         String technicianId, String actor, Instant occurredAt)
            implements MaintenanceEvent {
        @Override
        public UUID aggregateId() {
            return inspectionId;
        }
    }
}
