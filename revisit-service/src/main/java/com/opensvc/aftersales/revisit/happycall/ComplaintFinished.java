package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What revisit reads of intake's ComplaintFinished (REV-02): which complaint of which ticket finished, and when. */
public record ComplaintFinished(@NotNull UUID ticketId, @NotNull UUID complaintId, @NotNull Instant occurredAt) {
}
