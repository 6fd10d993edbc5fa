package com.opensvc.aftersales.quality.defect;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/** RepairClosed → defect record (QLT-01); every other work-order event is ignored. Idempotent (EVT-04). */
@Component
class RepairClosedListener {
    static final String CONSUMER = "quality-defects";
    private final EventHandlers workOrderEvents;

    RepairClosedListener(InboundEvents inbound, DefectService defects) {
        workOrderEvents = inbound.consumer(CONSUMER)
                .on(RepairClosed.class, repair -> defects.recordFromRepair(repair))
                .build();
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = "aftersales.dispatch.workorder")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        workOrderEvents.handle(record);
    }

    EventHandlers workOrderEvents() {
        return workOrderEvents;
    }
}
