package com.opensvc.aftersales.dispatch.depot;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderGuards;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/** DSP-07: a work order that has a depot repair is closed by returning the product, never by an on-site visit (409). */
@Component
@RequiredArgsConstructor
class DepotVisitGuard implements WorkOrderGuards.OnSiteVisit {
    private final DepotRepairRepository repairs;

    @Override
    public void checkOnSiteVisit(WorkOrder workOrder) {
        repairs.findOfWorkOrder(workOrder.id()).ifPresent(repair -> {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "record an on-site visit: it is depot repair " + repair.rmaNumber()
                            + "; close it by returning the product");
        });
    }
}
