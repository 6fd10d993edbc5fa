package com.opensvc.aftersales.intake.outreach;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once per campaign when all its outreach tickets exist (INT-17): one summary instead of a
 * {@code TicketRegistered} per outreach ticket. Keyed by the campaign id.
 */
record OutreachTicketsOpened(UUID campaignId, String campaignNumber, String productModel, int ticketCount,
                             Instant contactDueAt, String actor, Instant occurredAt) {
    static final String AGGREGATE = "intake.ticket";
}
