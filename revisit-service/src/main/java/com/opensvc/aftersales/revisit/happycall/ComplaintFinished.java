package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What revisit reads of intake's ComplaintFinished (REV-02, REV-03): which complaint of which ticket finished, when,
 * and what it was about (the content group decides a quality or a service complaint). The form comes back the day
 * the remedy is carried out (INT-11), so the finish is the remedy's day.
 */
public record ComplaintFinished(@NotNull UUID ticketId, @NotNull UUID complaintId, String contentGroup,
                                String category, String responsibleDepartment, String remedy, Boolean major,
                                @NotNull Instant occurredAt) {
}
