package com.opensvc.aftersales.intake.timeline;

import java.time.Instant;
import java.util.UUID;

/** Another service's event about a ticket, as it goes on the ticket's timeline (INT-18); {@code payload} is its JSON. */
public record ReceivedEvent(UUID eventId, UUID ticketId, Instant at, String actor, String source, String type,
                            String payload) {
}
