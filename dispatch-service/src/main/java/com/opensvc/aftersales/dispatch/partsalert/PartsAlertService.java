package com.opensvc.aftersales.dispatch.partsalert;

import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-03: opens and closes the alerts parts raises on a work order, each on the order's timeline too (SEC-03,
 * through the work order's public service). Alerts are kept: closed, never deleted.
 */
@Service
@RequiredArgsConstructor
public class PartsAlertService {
    private static final Logger log = LoggerFactory.getLogger(PartsAlertService.class);

    private final PartsAlertRepository alerts;
    private final WorkOrderService workOrders;

    /** PRT-01: the storekeeper refused the order's parts request: an open REQUEST_REJECTED alert (one per reservation). */
    @Transactional
    public void requestRejected(PartsRequestRejected rejected) {
        if (!known(rejected.workOrderId(), "PartsRequestRejected")) {
            return;
        }
        if (alerts.openRequestRejected(rejected)) {
            workOrders.note(rejected.workOrderId(), rejected.occurredAt(), rejected.actor(),
                    "PARTS_REQUEST_REJECTED reservation " + rejected.reservationId() + ": " + rejected.reason());
        }
    }

    /**
     * PRT-03: the loan's warranty write-off is blocked: an open WRITE_OFF_BLOCKED alert; the loan blocked again (another
     * old part checked in) updates the open alert with what was read this time and counts it, never a second alert.
     */
    @Transactional
    public void writeOffBlocked(PartsWriteOffBlocked blocked) {
        if (!known(blocked.workOrderId(), "PartsWriteOffBlocked")) {
            return;
        }
        boolean opened = alerts.openWriteOffBlocked(blocked);
        workOrders.note(blocked.workOrderId(), blocked.occurredAt(), blocked.actor(),
                "PARTS_WRITE_OFF_BLOCKED" + (opened ? "" : " again") + " loan " + blocked.loanId() + " part "
                        + blocked.partNumber() + ": " + blocked.reason());
    }

    /** PRT-03: a write-off line naming a loan settles it: the loan's blocked write-off is cleared. */
    @Transactional
    public void writtenOff(PartsWrittenOff writtenOff) {
        writtenOff.lines().stream().map(PartsWrittenOff.Line::loanId).filter(Objects::nonNull).distinct()
                .forEach(loan -> {
                    String why = "WRITTEN_OFF " + writtenOff.lines().stream().filter(l -> loan.equals(l.loanId()))
                            .map(PartsWrittenOff.Line::reason).findFirst().orElseThrow();
                    alerts.closeWriteOffBlocked(loan, writtenOff.actor(), writtenOff.occurredAt(), why)
                            .forEach(order -> workOrders.note(order, writtenOff.occurredAt(), writtenOff.actor(),
                                    "PARTS_WRITE_OFF_CLEARED loan " + loan + ": " + why));
                });
    }

    /** PRT-01: parts reached the order after all: its refused requests are overtaken. */
    @Transactional
    public void partsIssued(PartsIssued issued) {
        int closed = alerts.closeRequestsRejected(issued.workOrderId(), issued.actor(), issued.occurredAt(),
                "PARTS_ISSUED");
        if (closed > 0) {
            workOrders.note(issued.workOrderId(), issued.occurredAt(), issued.actor(),
                    "PARTS_REQUEST_REJECTION_CLEARED by PartsIssued (" + closed + ")");
        }
    }

    /**
     * The order's alerts, newest first; {@code technician} not null: only if the order is assigned to them (SEC-02).
     * 404 for an unknown order.
     */
    public PageOf<PartsAlert> ofWorkOrder(UUID workOrderId, String technician, Boolean open, Paging paging) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (technician != null) {
            workOrder.requireAssignedTo(technician);
        }
        return alerts.search(workOrderId, open, null, paging);
    }

    /** The supervisor's list: open (or closed) alerts of a kind, newest first. */
    public PageOf<PartsAlert> search(Boolean open, PartsAlertKind kind, Paging paging) {
        return alerts.search(null, open, kind, paging);
    }

    private boolean known(UUID workOrderId, String event) {
        if (workOrders.find(workOrderId).isPresent()) {
            return true;
        }
        log.warn("{} for work order {} ignored: dispatch has no such work order", event, workOrderId);
        return false;
    }
}
