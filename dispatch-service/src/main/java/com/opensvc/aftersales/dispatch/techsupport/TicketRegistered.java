package com.opensvc.aftersales.dispatch.techsupport;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What technical support reads of intake's TicketRegistered (INT-23): a ticket routed to {@code ENGINEERING} is a
 * technical question; {@code faultDescription} is the question (intake sends it only on such tickets).
 */
public record TicketRegistered(@NotNull UUID ticketId, String ticketNumber, @NotBlank String productModel,
                               String routedTo, String faultDescription, @NotBlank String actor,
                               @NotNull Instant occurredAt) {
    static final String ENGINEERING = "ENGINEERING";

    boolean technicalQuestion() {
        return ENGINEERING.equals(routedTo);
    }
}
