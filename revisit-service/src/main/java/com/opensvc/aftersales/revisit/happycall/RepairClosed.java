package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What revisit reads of dispatch's RepairClosed (REV-01); a missing or malformed occurredAt makes it malformed.
 *
 * @param previousWorkOrderId DSP-01: the ticket's earlier work order when this one repeats it (accepted again after
 *                            a reopen); null or absent for a first repair
 */
public record RepairClosed(@NotNull UUID ticketId, @NotNull UUID workOrderId, @NotNull String technicianId,
                           UUID previousWorkOrderId, @NotNull Instant occurredAt) {
}
