package com.opensvc.aftersales.parts.report;

import java.time.Instant;
import java.util.UUID;

/** PRT-02, PRT-07: one ledger movement as the history shows it ({@code fromLocation}/{@code toLocation} may be null). */
public record MovementLine(long id, Instant at, String partNumber, String description, String fromLocation,
                           String toLocation, int quantity, String reason, String actor, UUID workOrderId,
                           UUID ticketId, String reference, String productModel) {
}
