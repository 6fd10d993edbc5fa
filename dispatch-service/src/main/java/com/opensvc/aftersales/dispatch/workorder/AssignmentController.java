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
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** DSP-02, DSP-04, INT-22: reassignment, hand-back and the open pool. */
@RestController
@Validated
@RequestMapping("/api/dispatch")
@RequiredArgsConstructor
public class AssignmentController {
    private final WorkOrderAssignments assignments;

    public record ReassignmentRequest(@NotBlank @Size(max = 100) String technicianId,
                                      @Size(max = 100) String backupTechnicianId,
                                      @NotBlank @Size(max = 500) String reason, Boolean overrideCapacity,
                                      @Size(max = 500) String overrideReason) {
        DispatchDecision decision() {
            return new DispatchDecision(technicianId, backupTechnicianId, null, Boolean.TRUE.equals(overrideCapacity),
                    overrideReason);
        }
    }

    public record HandBackRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** DSP-02, DSP-03: an assigned, open order goes to another technician; parts follow. */
    @PostMapping("/work-orders/{id}/reassignment")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<WorkOrder> reassign(@PathVariable UUID id,
                                              @Valid @RequestBody ReassignmentRequest request) {
        return withEtag(assignments.reassign(id, request.decision(), request.reason(), CurrentUser.name()));
    }

    /** DSP-04: only the assigned technician hands the order back (SEC-02). */
    @PostMapping("/work-orders/{id}/hand-back")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public ResponseEntity<WorkOrder> handBack(@PathVariable UUID id, @Valid @RequestBody HandBackRequest request) {
        return withEtag(assignments.handBack(id, CurrentUser.name(), request.reason()));
    }

    /** DSP-02: the supervisor puts a NEW order in its region's open pool. */
    @PostMapping("/work-orders/{id}/pool")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<WorkOrder> pool(@PathVariable UUID id) {
        return withEtag(assignments.pool(id, CurrentUser.name()));
    }

    /** DSP-02: a technician of the region claims a pooled order; of two at once, one wins, the other gets 409. */
    @PostMapping("/work-orders/{id}/claim")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public ResponseEntity<WorkOrder> claim(@PathVariable UUID id) {
        return withEtag(assignments.claim(id, CurrentUser.name()));
    }

    /** DSP-02: a technician sees the pooled orders of their regions and skills; the supervisor sees all. */
    @GetMapping("/open-pool")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'TECHNICIAN')")
    public PageOf<WorkOrder> openPool(Paging paging) {
        boolean supervisor = CurrentUser.hasRole("SUPERVISOR");
        return assignments.openPool(supervisor ? null : CurrentUser.name(), paging);
    }

    private static ResponseEntity<WorkOrder> withEtag(WorkOrder workOrder) {
        return ResponseEntity.ok().eTag(IfMatch.etag(workOrder.version())).body(workOrder);
    }
}
