package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of intake's ComplaintResponsibilityAssigned (INT-11): department and remedy. */
public record ComplaintResponsibilityAssigned(@NotNull UUID ticketId, String ticketNumber, UUID complaintId,
                                              @NotNull Stage stage, String responsibleDepartment, String remedy,
                                              @NotNull Instant occurredAt) {

    /** INT-11's stages in order: a later stage's decision wins over an earlier one's. */
    public enum Stage {
        RECORDED, AGREED, APPROVED;

        int rank() {
            return ordinal() + 1;
        }
    }
}
