package com.opensvc.aftersales.intake.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import lombok.RequiredArgsConstructor;

/**
 * Saves what a ticket's transition caused and then tells the in-process listeners of a state change (the SLA clocks
 * pause and resume on {@link TicketStateChanged}) and of what else the change announces, in the caller's transaction: the last step of every service method
 * of the ticket feature that changes a ticket.
 */
@Component
@RequiredArgsConstructor
class TicketChanges {
    private final TicketRepository tickets;
    private final ApplicationEventPublisher events;

    Ticket save(TicketChange change) {
        tickets.save(change);
        if (change.stateChanged()) {
            events.publishEvent(new TicketStateChanged(change.after().id(), change.after().state(), change.at()));
        }
        change.inProcess().forEach(events::publishEvent);
        return change.after();
    }
}
