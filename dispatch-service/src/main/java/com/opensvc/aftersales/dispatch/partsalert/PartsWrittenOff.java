package com.opensvc.aftersales.dispatch.partsalert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Parts' PartsWrittenOff as the parts alerts read it (PRT-03): a line naming a loan settles it, which clears the
 * loan's blocked write-off. Lines of older producers name no loan.
 */
record PartsWrittenOff(@NotNull UUID workOrderId, @NotEmpty List<@NotNull @Valid Line> lines,
                       @NotBlank String actor, @NotNull Instant occurredAt) {

    record Line(@NotBlank String partNumber, @NotBlank String reason, UUID loanId) {
    }
}
