package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders")
@RequiredArgsConstructor
public class WorkOrderController {
    private final WorkOrderService service;

    /** A technician's list is always their own (SEC-02). */
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public PageOf<WorkOrder> search(@RequestParam(required = false) UUID ticketId,
                                    @Paging.DefaultSize(50) Paging paging) {
        String technician = onlyTechnician() ? CurrentUser.name() : null;
        return service.search(ticketId, technician, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public WorkOrder get(@PathVariable UUID id) {
        WorkOrder workOrder = service.get(id);
        if (onlyTechnician()) {
            workOrder.requireAssignedTo(CurrentUser.name());
        }
        return workOrder;
    }

    /**
     * DSP-02, INT-22: how the order is handled (default from the service type), who goes (default: the proposal), who
     * backs them up (default: their default backup, else the proposal's runner-up), and an explicit, recorded override
     * of the daily capacity.
     */
    public record AssignmentRequest(Handling handling, @Size(max = 100) String technicianId,
                                    @Size(max = 100) String backupTechnicianId, Boolean overrideCapacity,
                                    @Size(max = 500) String overrideReason) {
        DispatchDecision decision() {
            return new DispatchDecision(technicianId, backupTechnicianId, handling,
                    Boolean.TRUE.equals(overrideCapacity), overrideReason);
        }
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public WorkOrder assign(@PathVariable UUID id, @Valid @RequestBody(required = false) AssignmentRequest request) {
        return service.reviewAssignment(id, request == null ? DispatchDecision.proposal() : request.decision(),
                CurrentUser.name());
    }

    /** INT-07: the supervisor releases a hold that does not wait for a quote (a quote's hold → 409 until approved). */
    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<WorkOrder> release(@PathVariable UUID id) {
        return withEtag(service.release(id, CurrentUser.name()));
    }

    @PostMapping("/{id}/visits")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public WorkOrder recordVisit(@PathVariable UUID id, @Valid @RequestBody RecordVisitRequest visit) {
        VisitReportRules.check(visit);
        return service.recordFixedVisit(id, visit, CurrentUser.name());
    }

    /** DSP-08: the assigned technician is on site (SEC-02); a supervisor may record it on their behalf. */
    @PostMapping("/{id}/arrival")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public ResponseEntity<WorkOrder> recordArrival(@PathVariable UUID id) {
        return withEtag(service.recordArrival(id, CurrentUser.name(), CurrentUser.hasRole("SUPERVISOR")));
    }

    /** DSP-08: work on site has started; the fix clock (SLA-04) runs from now. */
    @PostMapping("/{id}/work-started")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public ResponseEntity<WorkOrder> recordWorkStarted(@PathVariable UUID id) {
        return withEtag(service.recordWorkStarted(id, CurrentUser.name(), CurrentUser.hasRole("SUPERVISOR")));
    }

    private static ResponseEntity<WorkOrder> withEtag(WorkOrder workOrder) {
        return ResponseEntity.ok().eTag(IfMatch.etag(workOrder.version())).body(workOrder);
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER");
    }
}
