package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What revisit reads of dispatch's RepairClosed (REV-01); a missing or malformed occurredAt makes it malformed. */
public record RepairClosed(@NotNull UUID ticketId, @NotNull UUID workOrderId, @NotNull String technicianId,
                           @NotNull Instant occurredAt) {
}
