package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.UUID;

/** INT-16: another ticket for the same serial ({@code DUPLICATE}), or the one this ticket was merged into/from. */
public record TicketLink(UUID ticketId, String ticketNumber, String state, Relation relation, Instant at, String actor) {
    public enum Relation {
        DUPLICATE, MERGED_INTO, MERGED_FROM
    }
}
