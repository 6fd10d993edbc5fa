package com.opensvc.aftersales.revisit.agenda;

import java.time.Instant;
import java.util.UUID;

/**
 * RPT-03: a scheduled revisit someone must call.
 *
 * @param ticketNumber the ticket's number from revisit's ticket facts (null until intake's event has arrived)
 * @param kind         HAPPY_CALL or COMPLAINT_REVISIT
 * @param overdue      its due time has passed
 * @param attempts     unanswered calls so far (REV-06)
 * @param agent        who holds it; null = the team's pool
 * @param how          CLAIMED or ASSIGNED; null in the pool
 */
public record Reminder(UUID revisitId, UUID ticketId, String ticketNumber, String kind, Instant dueBy,
                       boolean overdue, int attempts, String agent, Assignment.How how) {
}
