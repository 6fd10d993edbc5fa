package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.UUID;

/** Published in-process when a ticket registers: its first deadlines start (SLA-01, SLA-02, SLA-03). */
public record TicketOpened(UUID ticketId, TicketKind kind, Instant registeredAt, Instant firstContactAt, String actor) {
}
