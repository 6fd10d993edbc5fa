package com.opensvc.aftersales.quality.improvement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * QLT-05: corrective (at least one) and preventive actions, each with an owner and a due date that is not in the past.
 */
public record ActionPlanRequest(
        @NotEmpty(message = "must name at least one corrective action") @Size(max = 50) List<@NotNull @Valid PlannedAction> corrective,
        @Size(max = 50) List<@NotNull @Valid PlannedAction> preventive) {

    public ActionPlanRequest {
        preventive = preventive == null ? List.of() : preventive;
    }

    public record PlannedAction(
            @NotBlank @Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String description,
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String owner,
            @NotNull LocalDate dueDate) {
    }
}
