package com.opensvc.aftersales.dispatch.document;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.maintenance.InspectionRecord;
import com.opensvc.aftersales.dispatch.maintenance.MaintenanceService;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;

import lombok.RequiredArgsConstructor;

/** RPT-02: a work order's document as PDF; a technician prints only their own orders' documents (SEC-02). */
@Service
@RequiredArgsConstructor
public class DocumentService {
    private final WorkOrderService workOrders;
    private final DocumentSources sources;
    private final DocumentRenderer renderer;
    private final MaintenanceService maintenance;

    /** The inspection record's template (DSP-09): a record of a maintenance order, not of a ticket's work order. */
    static final String INSPECTION_RECORD = "inspection-record";

    /** @param technician the login a technician prints as (SEC-02), null for a supervisor or manager */
    @Transactional(readOnly = true)
    public byte[] print(PrintableDocument document, UUID workOrderId, String technician) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (technician != null) {
            workOrder.requireAssignedTo(technician);
        }
        Object model = document.model(workOrder, sources);
        return renderer.render(document.template(), model, document.copySet().copies());
    }

    /** RPT-02: the inspection record signed by the customer (DSP-09); a technician prints only their own (SEC-02). */
    @Transactional(readOnly = true)
    public byte[] printInspectionRecord(UUID inspectionId, String technician) {
        InspectionRecord record = maintenance.getRecord(inspectionId);
        if (technician != null) {
            maintenance.getOrder(record.maintenanceOrderId()).requireAssignedTo(technician);
        }
        return renderer.render(INSPECTION_RECORD, InspectionRecordDocument.of(record, sources), List.of());
    }
}
