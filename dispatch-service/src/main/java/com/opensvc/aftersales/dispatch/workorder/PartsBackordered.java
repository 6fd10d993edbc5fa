package com.opensvc.aftersales.dispatch.workorder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Parts' PartsBackordered as dispatch reads it (DSP-03): the store lacks some of the requested parts; the work order
 * shows them and their expected date (either may be unknown) and stays AWAITING_PARTS until PartsIssued.
 */
record PartsBackordered(@NotNull UUID workOrderId, @NotNull UUID ticketId,
                        @NotEmpty List<@NotNull @Valid Line> lines, LocalDate expectedDate,
                        @NotBlank String actor) {

    /**
     * One short part: parts' lines say {@code requested} and {@code available}; a line that names the missing
     * {@code quantity} instead is read too.
     */
    record Line(@NotBlank String partNumber, @Min(1) Integer requested, @Min(0) Integer available,
                @Min(1) Integer quantity, LocalDate expectedDate) {
        @AssertTrue(message = "names requested or quantity")
        boolean isCounted() {
            return requested != null || quantity != null;
        }

        int missing() {
            if (quantity != null) {
                return quantity;
            }
            return Math.max(requested - (available == null ? 0 : available), 0);
        }
    }
}
