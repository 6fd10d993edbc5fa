package com.opensvc.aftersales.dispatch.workorder;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Intake's TicketResumed as dispatch reads it (SLA-05): the open work order's visit clocks run again. */
record TicketResumed(@NotNull UUID ticketId, @NotBlank String actor) {
}
