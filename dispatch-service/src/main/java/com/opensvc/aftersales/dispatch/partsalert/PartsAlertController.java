package com.opensvc.aftersales.dispatch.partsalert;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-03: the alerts parts raised on work orders: per order for whoever reads the order (a technician only on
 * their own, SEC-02), and the supervisor's and manager's list across orders.
 */
@RestController
@Validated
@RequestMapping("/api/dispatch")
@RequiredArgsConstructor
public class PartsAlertController {
    private final PartsAlertService service;

    /** The order's alerts, newest first; {@code open} true: open only, false: closed only, absent: all. */
    @GetMapping("/work-orders/{id}/parts-alerts")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public PageOf<PartsAlert> ofWorkOrder(@PathVariable UUID id, @RequestParam(required = false) Boolean open,
                                          @Paging.DefaultSize(50) Paging paging) {
        String technician = onlyTechnician() ? CurrentUser.name() : null;
        return service.ofWorkOrder(id, technician, open, paging);
    }

    /** Alerts across work orders, newest first, by {@code open} and {@code kind}. */
    @GetMapping("/parts-alerts")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    public PageOf<PartsAlert> search(@RequestParam(required = false) Boolean open,
                                     @RequestParam(required = false) PartsAlertKind kind,
                                     @Paging.DefaultSize(50) Paging paging) {
        return service.search(open, kind, paging);
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER");
    }
}
