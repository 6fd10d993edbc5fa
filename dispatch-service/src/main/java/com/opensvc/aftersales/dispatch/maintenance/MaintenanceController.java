package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-09 / RPT-03: maintenance plans, the maintenance orders they generate, inspection records, the prompts for a
 * plan after an installation, and the maintenance due. A technician sees only their own orders and records (SEC-02).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch")
@RequiredArgsConstructor
public class MaintenanceController {
    private final MaintenanceService service;

    // ---- plans

    @PostMapping("/maintenance-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public MaintenancePlan createPlan(@Valid @RequestBody CreatePlanRequest request) {
        return service.createPlan(request, CurrentUser.name());
    }

    @GetMapping("/maintenance-plans")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER')")
    public PageOf<MaintenancePlan> searchPlans(@RequestParam(required = false) UUID customerId,
                                               @RequestParam(required = false) UUID installedProductId,
                                               @RequestParam(required = false) PlanState state,
                                               @RequestParam(required = false) @Size(max = 100) String region,
                                               @RequestParam(required = false) @Size(max = 100) String technicianId,
                                               Paging paging) {
        return service.searchPlans(new MaintenancePlanRepository.Filter(customerId, installedProductId, state, region,
                technicianId), paging);
    }

    @GetMapping("/maintenance-plans/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER')")
    public MaintenancePlan getPlan(@PathVariable UUID id) {
        return service.getPlan(id);
    }

    public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/maintenance-plans/{id}/suspension")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public MaintenancePlan suspend(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return service.suspend(id, request.reason().trim(), CurrentUser.name());
    }

    @PostMapping("/maintenance-plans/{id}/resumption")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public MaintenancePlan resume(@PathVariable UUID id) {
        return service.resume(id, CurrentUser.name());
    }

    @PostMapping("/maintenance-plans/{id}/end")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public MaintenancePlan end(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return service.end(id, request.reason().trim(), CurrentUser.name());
    }

    // ---- maintenance orders

    /** A technician's list is always their own (SEC-02). */
    @GetMapping("/maintenance-orders")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER', 'TECHNICIAN')")
    public PageOf<MaintenanceOrder> searchOrders(@RequestParam(required = false) MaintenanceOrderState state,
                                                 @RequestParam(required = false) UUID planId,
                                                 @RequestParam(required = false) @Size(max = 100) String technicianId,
                                                 @RequestParam(required = false) @Size(max = 100) String region,
                                                 @RequestParam(required = false) LocalDate dueFrom,
                                                 @RequestParam(required = false) LocalDate dueTo,
                                                 Paging paging) {
        String technician = onlyTechnician() ? CurrentUser.name() : technicianId;
        return service.searchOrders(new MaintenanceOrderRepository.Filter(state, planId, technician, region, dueFrom,
                dueTo), paging);
    }

    @GetMapping("/maintenance-orders/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER', 'TECHNICIAN')")
    public MaintenanceOrder getOrder(@PathVariable UUID id) {
        MaintenanceOrder order = service.getOrder(id);
        if (onlyTechnician()) {
            order.requireAssignedTo(CurrentUser.name());
        }
        return order;
    }

    public record AssignmentRequest(@NotBlank @Size(max = 100) String technicianId) {
    }

    @PostMapping("/maintenance-orders/{id}/assignment")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public MaintenanceOrder assign(@PathVariable UUID id, @Valid @RequestBody AssignmentRequest request) {
        return service.assign(id, request.technicianId().trim(), CurrentUser.name());
    }

    /** DSP-09: the assigned technician records the inspection the customer signed; the order is DONE. */
    @PostMapping("/maintenance-orders/{id}/inspection-record")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('TECHNICIAN')")
    public InspectionRecord recordInspection(@PathVariable UUID id,
                                             @Valid @RequestBody InspectionRecordRequest request) {
        return service.recordInspection(id, request, CurrentUser.name());
    }

    /** RPT-02: the record the inspection record PDF is rendered from. */
    @GetMapping("/inspection-records/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER', 'QUALITY', 'TECHNICIAN')")
    public InspectionRecord getRecord(@PathVariable UUID id) {
        InspectionRecord record = service.getRecord(id);
        if (onlyTechnician()) {
            service.getOrder(record.maintenanceOrderId()).requireAssignedTo(CurrentUser.name());
        }
        return record;
    }

    // ---- prompts and reminders

    /** DSP-09: the open prompts for a plan after an installation was accepted (state=PLANNED|DISMISSED: answered). */
    @GetMapping("/maintenance-prompts")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public PageOf<MaintenancePrompt> searchPrompts(
            @RequestParam(defaultValue = "OPEN") MaintenancePrompt.State state,
            @RequestParam(required = false) UUID installedProductId, Paging paging) {
        return service.searchPrompts(state, installedProductId, paging);
    }

    @PostMapping("/maintenance-prompts/{id}/dismissal")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public MaintenancePrompt dismissPrompt(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return service.dismissPrompt(id, request.reason().trim(), CurrentUser.name());
    }

    /** RPT-03: maintenance due within {@code days} days (overdue first); a technician's own only. */
    @GetMapping("/maintenance-due")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'TECHNICIAN')")
    public PageOf<MaintenanceDue> due(@RequestParam(defaultValue = "7") @Min(1) @Max(366) int days, Paging paging) {
        return service.due(days, onlyTechnician() ? CurrentUser.name() : null, paging);
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR")
                && !CurrentUser.hasRole("CUSTOMER_MANAGER") && !CurrentUser.hasRole("MANAGER");
    }
}
