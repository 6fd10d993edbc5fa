package com.opensvc.aftersales.parts.receipt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.loan.IssueService;
import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * PRT-01: stock received into a store, and the backorders it filled (oldest first).
 *
 * @param reference     the packing list or purchase order
 * @param requisitionId the requisition it was received against (null: an unplanned delivery)
 * @param filled        the backorders whose parts this receipt's stock issued, each with a {@code PartsIssued}
 */
public record Receipt(UUID id, String location, String reference, UUID requisitionId, List<PartLine> lines,
                      String receivedBy, Instant receivedAt, List<IssueService.Fill> filled) {

    Receipt withFilled(List<IssueService.Fill> fills) {
        return new Receipt(id, location, reference, requisitionId, lines, receivedBy, receivedAt, List.copyOf(fills));
    }
}
