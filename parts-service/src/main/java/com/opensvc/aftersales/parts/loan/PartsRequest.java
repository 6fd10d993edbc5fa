package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/** What dispatch's PartsRequested asks for: the technician's parts, from their home store. */
public record PartsRequest(UUID workOrderId, UUID ticketId, String technician, String fromLocation,
                           List<PartLine> lines) {

    public String technicianHolding() {
        return "TECH-" + technician;
    }
}
