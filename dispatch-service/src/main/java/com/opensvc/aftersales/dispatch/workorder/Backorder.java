package com.opensvc.aftersales.dispatch.workorder;

import java.time.LocalDate;
import java.util.List;

/**
 * DSP-03: what the work order waits for after parts backordered it: the missing parts and when parts expects them
 * (null when parts does not know yet). Cleared when parts fills the backorder ({@code PartsIssued}).
 *
 * @param expectedDate the latest expected date of the lines, or the event's own
 */
public record Backorder(List<MissingPart> lines, LocalDate expectedDate) {
    public Backorder {
        lines = List.copyOf(lines);
    }

    /** One part short: how many are missing and when this part is expected. */
    public record MissingPart(String partNumber, int missing, LocalDate expectedDate) {
    }
}
