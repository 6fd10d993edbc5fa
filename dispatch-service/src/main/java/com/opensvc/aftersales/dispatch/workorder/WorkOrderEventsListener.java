package com.opensvc.aftersales.dispatch.workorder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/** TicketAccepted opens work orders; PartsIssued readies them. Idempotent (EVT-04). */
@Component
class WorkOrderEventsListener {
    static final String TICKETS = "dispatch-work-orders";
    static final String PARTS = "dispatch-parts";

    private final EventHandlers ticketEvents;
    private final EventHandlers partsEvents;

    WorkOrderEventsListener(InboundEvents inbound, WorkOrderService service) {
        ticketEvents = inbound.consumer(TICKETS)
                .on(TicketAccepted.class, ticket -> service.createFor(ticket))
                .build();
        partsEvents = inbound.consumer(PARTS)
                .on(PartsIssued.class, parts -> service.partsIssued(parts))
                .build();
    }

    @KafkaListener(id = TICKETS, groupId = TICKETS, topics = "aftersales.intake.ticket")
    @Transactional
    public void onTicketEvent(ConsumerRecord<String, String> record) {
        ticketEvents.handle(record);
    }

    @KafkaListener(id = PARTS, groupId = PARTS, topics = "aftersales.parts.stock")
    @Transactional
    public void onPartsEvent(ConsumerRecord<String, String> record) {
        partsEvents.handle(record);
    }

    EventHandlers ticketEvents() {
        return ticketEvents;
    }

    EventHandlers partsEvents() {
        return partsEvents;
    }
}
