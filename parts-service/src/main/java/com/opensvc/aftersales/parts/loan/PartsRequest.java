package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.opensvc.aftersales.parts.stock.PartLine;

/** What dispatch's PartsRequested asks for: the technician's parts, from their home store. */
public record PartsRequest(UUID workOrderId, UUID ticketId, String technician, String fromLocation,
                           List<PartLine> lines) {

    /** The quantity of each part, in part-number order (the order stock is locked in). */
    Map<String, Integer> quantitiesByPart() {
        return quantitiesByPart(lines);
    }

    static Map<String, Integer> quantitiesByPart(List<PartLine> lines) {
        Map<String, Integer> requested = new TreeMap<>();
        lines.forEach(l -> requested.merge(l.partNumber(), l.quantity(), Integer::sum));
        return requested;
    }
}
