package com.opensvc.aftersales.dispatch.document;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.workorder.Site;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * RPT-02 the charge form (customer, finance and file copies): what a paid visit charged, split into parts at the
 * catalogue price, travel and service (DSP-05), and how it is paid. Only an order that charged something has one.
 */
public record ChargeForm(UUID workOrderId, String ticketNumber, String customerName, String contactName,
                         String address, String productModel, String serialNumber, String entitlement,
                         String technicianId, String technicianName, ChargeSheet.Charges charges,
                         ChargeSheet.Payment payment, Instant recordedAt) {

    static ChargeForm of(WorkOrder w, DocumentSources sources) {
        ChargeSheet sheet = sources.chargeSheet(w.id()).orElseThrow(() -> new StateConflictException(
                "work order " + w.id(), w.state().name(), "print the charge form: the visit charged nothing"));
        Site site = w.site() == null ? new Site(null, null, null) : w.site();
        return new ChargeForm(w.id(), w.ticketNumber(), site.customerName(), site.contactName(), site.address(),
                w.productModel(), w.serialNumber(), sheet.entitlement(), sheet.technicianId(),
                sources.technicianName(sheet.technicianId()), sheet.charges(), sheet.payment(), sheet.recordedAt());
    }

    @Override
    public String toString() {
        return "ChargeForm[" + workOrderId + "]";
    }
}
