package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

/**
 * DSP-06: the assigned technician's visit did not fix the product. Only the technician who went records a visit
 * (SEC-02): another technician gets 403, and a supervisor records none.
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders")
@RequiredArgsConstructor
public class NotFixedVisitController {
    private final WorkOrderService service;

    @PostMapping("/{id}/not-fixed")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public ResponseEntity<WorkOrder> recordNotFixed(@PathVariable UUID id,
                                                    @Valid @RequestBody NotFixedVisitRequest visit) {
        WorkOrder workOrder = service.recordNotFixedVisit(id, visit, CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(workOrder.version())).body(workOrder);
    }
}
