package com.opensvc.aftersales.intake.ticket;

import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * An event on {@code aftersales.intake.ticket}, keyed by its ticket (EVT-02). Every intake feature that publishes about
 * a ticket implements it; events about something else on the same topic (a campaign, a monthly report) implement
 * {@link OutgoingEvent} with {@link #AGGREGATE_TYPE} and their own key.
 */
public interface TicketEvent extends OutgoingEvent {
    String AGGREGATE_TYPE = "intake.ticket";

    UUID ticketId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default UUID aggregateId() {
        return ticketId();
    }
}
