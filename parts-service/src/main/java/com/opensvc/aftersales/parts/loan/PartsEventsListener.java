package com.opensvc.aftersales.parts.loan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.messaging.ProcessedEvents;
import com.opensvc.aftersales.parts.stock.PartLine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PartsRequested issues parts; RepairClosed reconciles the loans. Idempotent (EVT-04). */
@Component
public class PartsEventsListener {
    static final String CONSUMER = "parts-work-orders";
    static final String SYSTEM = "system:parts-reconciliation";

    private final IssueService issue;
    private final ReconciliationService reconciliation;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public PartsEventsListener(IssueService issue, ReconciliationService reconciliation, ProcessedEvents processed,
                               JsonMapper json) {
        this.issue = issue;
        this.reconciliation = reconciliation;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.dispatch.workorder")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        String type = event.eventType();
        if (!type.equals("PartsRequested") && !type.equals("RepairClosed")) {
            return;
        }
        if (!processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        if (type.equals("PartsRequested")) {
            List<PartLine> lines = new ArrayList<>();
            for (JsonNode line : array(event, "lines")) {
                lines.add(new PartLine(line.path("partNumber").asString(), line.path("quantity").asInt()));
            }
            issue.issue(new PartsRequest(event.uuid("workOrderId"), event.uuid("ticketId"), event.text("technicianId"),
                    event.text("fromLocation"), lines));
        } else {
            Map<String, ReconciliationService.UsedPart> used = new HashMap<>();
            for (JsonNode part : array(event, "partsUsed")) {
                JsonNode serial = part.get("oldSerial");
                used.merge(part.path("partNumber").asString(),
                        new ReconciliationService.UsedPart(part.path("quantity").asInt(),
                                serial == null || serial.isNull() ? null : serial.asString()),
                        (a, b) -> new ReconciliationService.UsedPart(a.quantity() + b.quantity(),
                                a.oldSerial() != null ? a.oldSerial() : b.oldSerial()));
            }
            reconciliation.repairClosed(event.uuid("workOrderId"), event.uuid("ticketId"), event.text("technicianId"),
                    event.text("entitlement"), used, SYSTEM);
        }
    }

    private static JsonNode array(InboundEvent event, String field) {
        JsonNode node = event.payload().get(field);
        if (node == null || !node.isArray()) {
            throw new MalformedEventException("event " + event.id() + " has no " + field + " array");
        }
        return node;
    }
}
