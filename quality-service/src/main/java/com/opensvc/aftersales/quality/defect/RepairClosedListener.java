package com.opensvc.aftersales.quality.defect;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RepairClosed → defect record (QLT-01); every other work-order event is ignored. Idempotent (EVT-04). */
@Component
public class RepairClosedListener {
    static final String CONSUMER = "quality-defects";

    private final DefectService defects;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    public RepairClosedListener(DefectService defects, ProcessedEvents processed, JsonMapper json) {
        this.defects = defects;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.dispatch.workorder")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record, json);
        if (!"RepairClosed".equals(event.eventType()) || !processed.firstDelivery(event, CONSUMER)) {
            return;
        }
        // serialNumber is required by RepairClosed and by DefectRecorded; a missing one makes the event malformed
        defects.recordFromRepair(new DefectService.ClosedRepair(event.uuid("ticketId"), event.uuid("workOrderId"),
                event.text("productModel"), event.text("serialNumber"), event.text("symptom"),
                optionalText(event.payload().get("causeCode"))));
    }

    private static String optionalText(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
