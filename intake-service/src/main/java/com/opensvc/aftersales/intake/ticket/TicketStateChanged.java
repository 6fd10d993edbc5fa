package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.util.UUID;

/** Published in-process, inside the changing transaction, for every ticket state change (the SLA clocks pause on it). */
public record TicketStateChanged(UUID ticketId, TicketState state, Instant at) {
}
