package com.opensvc.aftersales.revisit.agenda;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/revisit/revisits/{id}/assignee}: the agent (login name) who is to call. */
public record AssigneeRequest(@NotBlank @Size(max = 100) String agent) {
}
