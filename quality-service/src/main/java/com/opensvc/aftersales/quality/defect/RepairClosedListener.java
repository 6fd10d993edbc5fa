package com.opensvc.aftersales.quality.defect;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.ProcessedEvents;

import tools.jackson.databind.json.JsonMapper;

/** RepairClosed → defect record (QLT-01). Idempotent (EVT-04). */
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
        var serial = event.payload().get("serialNumber");
        var cause = event.payload().get("causeCode");
        defects.recordFromRepair(new DefectService.ClosedRepair(event.uuid("ticketId"), event.uuid("workOrderId"),
                event.text("productModel"), serial == null || serial.isNull() ? null : serial.asString(),
                event.text("symptom"), cause == null || cause.isNull() ? null : cause.asString()));
    }
}
