package com.opensvc.aftersales.quality.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** What quality reads of parts' PartsWrittenOff (QLT-03): the consumed lines are the parts used. */
public record PartsWrittenOff(@NotNull UUID ticketId, @NotEmpty List<@NotNull @Valid Line> lines,
                              @NotNull Instant occurredAt) {

    /** @param reason CONSUMED_UNDER_WARRANTY or CONSUMED_ON_PAID_WORK is a part used; SCRAPPED was returned unused */
    public record Line(@NotNull String partNumber, @NotNull Integer quantity, @NotNull String reason) {

        boolean consumed() {
            return reason.startsWith("CONSUMED");
        }
    }
}
