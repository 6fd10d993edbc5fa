package com.opensvc.aftersales.parts.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.parts.loan.IssueService;
import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * PRT-01, PRT-02: stock moved from one store (or the central warehouse) to another, as {@code TRANSFERRED} ledger
 * movements, and the backorders at the destination it filled (oldest first).
 */
public record Transfer(UUID id, String from, String to, String reason, List<PartLine> lines, String transferredBy,
                       Instant transferredAt, List<IssueService.Fill> filled) {

    Transfer withFilled(List<IssueService.Fill> fills) {
        return new Transfer(id, from, to, reason, lines, transferredBy, transferredAt, List.copyOf(fills));
    }
}
