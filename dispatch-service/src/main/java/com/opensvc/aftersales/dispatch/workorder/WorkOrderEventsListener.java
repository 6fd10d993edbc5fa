package com.opensvc.aftersales.dispatch.workorder;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TicketAccepted opens work orders; PartsIssued readies them. Idempotent (EVT-04). */
@Component
public class WorkOrderEventsListener {
    static final String TICKETS = "dispatch-work-orders";
    static final String PARTS = "dispatch-parts";

    private final WorkOrderService service;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public WorkOrderEventsListener(WorkOrderService service, ProcessedEvents processed, JsonMapper json) {
        this.service = service;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = TICKETS, groupId = TICKETS, topics = "aftersales.intake.ticket")
    @Transactional
    public void onTicketEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"TicketAccepted".equals(event.eventType()) || !processed.firstDelivery(event, TICKETS)) {
            return;
        }
        service.createFor(new WorkOrderService.AcceptedTicket(event.uuid("ticketId"), event.text("ticketNumber"),
                event.text("serviceType"), event.text("productLine"), event.text("productModel"),
                event.text("serialNumber"), event.text("customerRegion"), event.text("entitlement"),
                event.text("priority"), parts(event)), event.text("actor"));
    }

    @KafkaListener(id = PARTS, groupId = PARTS, topics = "aftersales.parts.stock")
    @Transactional
    public void onPartsEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"PartsIssued".equals(event.eventType()) || !processed.firstDelivery(event, PARTS)) {
            return;
        }
        service.partsIssued(event.uuid("workOrderId"), event.text("actor"));
    }

    private static List<PartLine> parts(InboundEvent event) {
        JsonNode lines = event.payload().get("expectedParts");
        if (lines == null || !lines.isArray()) {
            throw new MalformedEventException("event " + event.id() + " has no expectedParts array");
        }
        List<PartLine> parts = new ArrayList<>();
        for (JsonNode line : lines) {
            parts.add(new PartLine(line.path("partNumber").asString(), line.path("quantity").asInt()));
        }
        return parts;
    }
}
