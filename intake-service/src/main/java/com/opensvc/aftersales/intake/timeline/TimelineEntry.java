package com.opensvc.aftersales.intake.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a ticket's history (INT-18): either intake's own change ({@code source} = intake-service) or an
 * event another service published about the ticket.
 */
public record TimelineEntry(Instant at, String actor, String source, String type, String fromState, String toState,
                            String detail, UUID eventId) {
}
