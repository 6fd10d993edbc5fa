package com.opensvc.aftersales.dispatch.workorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * Intake's ticket events: TicketAccepted opens a work order per acceptance (DSP-01), EntitlementChanged holds it and
 * QuoteApproved / QuoteDeclined release or cancel the hold (INT-07, INT-08), TicketPending / TicketResumed pause its
 * visit clocks (SLA-05). Parts' PartsIssued readies it, PartsBackordered shows the shortage (DSP-03). Idempotent
 * (EVT-04: the inbox skips a redelivered event id).
 */
@Configuration(proxyBeanMethods = false)
class WorkOrderEventsListener {
    static final String TICKETS = "dispatch-work-orders";
    static final String PARTS = "dispatch-parts";

    @Bean
    EventHandlers ticketEvents(InboundEvents inbound, WorkOrderService service) {
        return inbound.consumer(TICKETS, "aftersales.intake.ticket")
                .on(TicketAccepted.class, (ticket, event) -> service.createFor(ticket, event.id()))
                .on(EntitlementChanged.class, changed -> service.entitlementChanged(changed))
                .on(QuoteApproved.class, approved -> service.quoteApproved(approved))
                .on(QuoteDeclined.class, declined -> service.quoteDeclined(declined))
                .on(TicketPending.class, pending -> service.ticketPending(pending))
                .on(TicketResumed.class, resumed -> service.ticketResumed(resumed))
                .build();
    }

    @Bean
    EventHandlers partsEvents(InboundEvents inbound, WorkOrderService service) {
        return inbound.consumer(PARTS, "aftersales.parts.stock")
                .on(PartsIssued.class, parts -> service.partsIssued(parts))
                .on(PartsBackordered.class, backordered -> service.partsBackordered(backordered))
                .build();
    }
}
