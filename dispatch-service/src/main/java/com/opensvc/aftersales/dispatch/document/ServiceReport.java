package com.opensvc.aftersales.dispatch.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.document.DocumentSources.FixedVisit;
import com.opensvc.aftersales.dispatch.document.DocumentSources.UsedPart;
import com.opensvc.aftersales.dispatch.workorder.Site;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * RPT-02 the service report the customer signs: the fixed visit (DSP-05) — symptom, cause, actions, parts used,
 * labour — and the customer's confirmation. Only a work order with a FIXED visit has one (409 before).
 */
public record ServiceReport(UUID workOrderId, String ticketNumber, String customerName, String contactName,
                            String address, String productModel, String serialNumber, String technicianId,
                            String technicianName, String symptom, String causeCode, String actions,
                            List<UsedPart> partsUsed, int labourMinutes, String customerConfirmation,
                            Instant visitedAt) {

    static ServiceReport of(WorkOrder w, DocumentSources sources) {
        FixedVisit visit = sources.fixedVisit(w.id()).orElseThrow(() -> new StateConflictException(
                "work order " + w.id(), w.state().name(), "print the service report before a fixed visit"));
        Site site = w.site() == null ? new Site(null, null, null) : w.site();
        return new ServiceReport(w.id(), w.ticketNumber(), site.customerName(), site.contactName(), site.address(),
                w.productModel(), w.serialNumber(), visit.technician(), sources.technicianName(visit.technician()),
                visit.symptom(), visit.causeCode(), visit.actions(), visit.partsUsed(), visit.labourMinutes(),
                visit.customerConfirmation(), visit.recordedAt());
    }

    @Override
    public String toString() {
        return "ServiceReport[" + workOrderId + "]";
    }
}
