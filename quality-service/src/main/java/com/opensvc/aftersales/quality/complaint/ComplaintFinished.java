package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What the complaint statistics read of intake's ComplaintFinished (QLT-04): class, content, handling, outcome. */
public record ComplaintFinished(@NotNull UUID ticketId, String ticketNumber, UUID complaintId, String customerClass,
                                String category, @NotNull ContentGroup contentGroup, @NotNull Handling handling,
                                @NotNull Integer escalationLevel, String responsibleDepartment, String remedy,
                                @NotNull Boolean penalised, @NotNull Boolean major, @NotNull Instant occurredAt) {

    /** QLT-04 content of a complaint. */
    public enum ContentGroup {
        SYSTEM, PEOPLE, TIMELINESS, GOODS
    }

    /** QLT-04 how it was handled. */
    public enum Handling {
        IMMEDIATE, WITHIN_DEADLINE, REPEATED
    }
}
