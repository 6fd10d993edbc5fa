package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.charge.Charges;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/** DSP-05, RPT-02: the charge form of a closed work order — what the printed charge form shows. */
@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders")
@RequiredArgsConstructor
public class WorkOrderChargesController {
    private final WorkOrderService workOrders;
    private final Charges charges;

    /** 404 until a charged visit closed the order; a technician sees only their own orders' (SEC-02). */
    @GetMapping("/{id}/charges")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'FINANCE', 'TECHNICIAN')")
    public ChargeSheet charges(@PathVariable UUID id) {
        WorkOrder workOrder = workOrders.get(id);
        if (CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER")
                && !CurrentUser.hasRole("FINANCE")) {
            workOrder.requireAssignedTo(CurrentUser.name());
        }
        return charges.of(id).orElseThrow(() -> new NotFoundException("work order " + id + " has no charges"));
    }
}
