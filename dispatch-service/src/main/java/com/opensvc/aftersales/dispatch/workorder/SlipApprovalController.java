package com.opensvc.aftersales.dispatch.workorder;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

/**
 * DSP-02: a complaint's work order is dispatched only after the quality lead (role QUALITY) and a manager (role
 * MANAGER) have approved its service slip; until then every assignment is refused (409, {@link WorkOrder#assign}).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders/{id}/slip-approvals")
@RequiredArgsConstructor
public class SlipApprovalController {
    private final WorkOrderService service;

    /**
     * The slip's approvals: {@code required} is false for an order that needs none (not a complaint); {@code missing}
     * lists the kinds still to give. At most two approvals, so no paging.
     */
    public record SlipApprovals(UUID workOrderId, UUID ticketId, boolean required, List<SlipApproval> approvals,
                                List<SlipApproval.Kind> missing) {
        static SlipApprovals of(WorkOrder w) {
            return new SlipApprovals(w.id(), w.ticketId(), WorkOrder.COMPLAINT.equals(w.kind()), w.slipApprovals(),
                    w.missingSlipApprovals());
        }
    }

    /**
     * {@code approval} may be left out: it follows the caller's role (QUALITY → QUALITY_LEAD, MANAGER → MANAGER); a
     * caller holding both roles names it.
     */
    public record ApprovalRequest(SlipApproval.Kind approval) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('QUALITY', 'MANAGER')")
    public SlipApprovals approve(@PathVariable UUID id, @Valid @RequestBody(required = false) ApprovalRequest request) {
        SlipApproval.Kind approval = approvalOf(request == null ? null : request.approval());
        return SlipApprovals.of(service.approveSlip(id, approval, CurrentUser.name()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'QUALITY', 'MANAGER', 'SERVICE_DIRECTOR')")
    public SlipApprovals approvals(@PathVariable UUID id) {
        return SlipApprovals.of(service.get(id));
    }

    /** The kind follows the caller's role; naming one the caller's roles do not give is 403. */
    private static SlipApproval.Kind approvalOf(SlipApproval.Kind named) {
        boolean quality = CurrentUser.hasRole("QUALITY");
        boolean manager = CurrentUser.hasRole("MANAGER");
        if (named == null) {
            if (quality && manager) {
                throw new InvalidFieldException("approval", "you hold both QUALITY and MANAGER: name QUALITY_LEAD or MANAGER");
            }
            return quality ? SlipApproval.Kind.QUALITY_LEAD : SlipApproval.Kind.MANAGER;
        }
        boolean allowed = named == SlipApproval.Kind.QUALITY_LEAD ? quality : manager;
        if (!allowed) {
            throw new ForbiddenException("the " + named + " approval is given by role "
                    + (named == SlipApproval.Kind.QUALITY_LEAD ? "QUALITY" : "MANAGER"));
        }
        return named;
    }
}
