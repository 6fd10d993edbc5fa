package com.opensvc.aftersales.dispatch.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.dispatch.workorder.Site;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;

/**
 * RPT-02 the service dispatch slip: what the technician takes to the customer. {@code fault} and
 * the appointment window are empty until the ticket's fault description reaches the work order and the technician
 * work order. Personal data (the site): printed, never logged (SEC-04).
 */
public record DispatchSlip(UUID workOrderId, String ticketNumber, String serviceType, String priority,
                           String entitlement, String customerName, String contactName, String address,
                           String productLine, String productModel, String serialNumber, String fault,
                           List<PartLine> expectedParts, String technicianId, String technicianName,
                           Instant appointmentFrom, Instant appointmentTo, Instant createdAt, Instant assignedAt, String state) {

    static DispatchSlip of(WorkOrder w, DocumentSources sources) {
        Optional<DocumentSources.Window> window = sources.appointment(w.id(), w.technician());
        Site site = w.site() == null ? new Site(null, null, null) : w.site();
        return new DispatchSlip(w.id(), w.ticketNumber(), w.serviceType(), w.priority(), w.entitlement(),
                site.customerName(), site.contactName(), site.address(), w.productLine(),
                w.productModel(), w.serialNumber(), null, w.expectedParts(), w.technician(),
                sources.technicianName(w.technician()), window.map(DocumentSources.Window::from).orElse(null),
                window.map(DocumentSources.Window::to).orElse(null), w.createdAt(), w.assignedAt(), w.state().name());
    }

    @Override
    public String toString() {
        return "DispatchSlip[" + workOrderId + "]";
    }
}
