package com.opensvc.aftersales.intake.outreach;

import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * Published on {@code aftersales.intake.ticket} once per campaign when all its outreach tickets exist (INT-17): one
 * summary instead of a {@code TicketRegistered} per outreach ticket. Keyed by the campaign id.
 */
record OutreachTicketsOpened(UUID campaignId, String campaignNumber, String productModel, int ticketCount,
                             Instant contactDueAt, String actor, Instant occurredAt) implements OutgoingEvent {
    @Override
    public String aggregateType() {
        return TicketEvent.AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return campaignId;
    }
}
