package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * RPT-03: one piece of maintenance due within the asked days: a generated order still open (DUE, ASSIGNED), or the
 * next due date of a plan's schedule not generated yet (PLANNED). {@code overdue}: its due date has passed.
 */
public record MaintenanceDue(UUID planId, UUID scheduleId, UUID maintenanceOrderId, ScheduleKind kind,
                             InspectionMode mode, String name, LocalDate dueDate, int daysLeft, boolean overdue,
                             String state, String technicianId, UUID customerId, UUID installedProductId,
                             String productModel, String serialNumber, String region) {
}
