package com.opensvc.aftersales.dispatch.maintenance;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;

import lombok.RequiredArgsConstructor;

/**
 * DSP-09: after an installation is accepted the platform prompts for a maintenance plan. An INSTALLATION work order
 * that closes (the work order publishes RepairClosed in-process, inside its own transaction) opens a prompt for its
 * installed product, once per work order.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@RequiredArgsConstructor
class InstallationAccepted {
    static final String INSTALLATION = "INSTALLATION";

    private final WorkOrderService workOrders;
    private final MaintenancePromptRepository prompts;

    @EventListener
    public void on(RepairClosed closed) {
        WorkOrder workOrder = workOrders.get(closed.workOrderId());
        if (INSTALLATION.equals(workOrder.serviceType())) {
            prompts.openIfAbsent(workOrder, closed.occurredAt());
        }
    }
}
