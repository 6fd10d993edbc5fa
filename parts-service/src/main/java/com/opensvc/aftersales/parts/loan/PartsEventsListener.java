package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.parts.stock.PartLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** PartsRequested issues parts; RepairClosed reconciles the loans. Idempotent (EVT-04). */
@Component
class PartsEventsListener {
    static final String CONSUMER = "parts-work-orders";
    private final EventHandlers workOrderEvents;

    PartsEventsListener(InboundEvents inbound, IssueService issue, ReconciliationService reconciliation) {
        workOrderEvents = inbound.consumer(CONSUMER)
                .on(PartsRequested.class, requested -> issue.issue(requested.request()))
                .on(RepairClosed.class, repair -> reconciliation.repairClosed(repair))
                .build();
    }

    /** What parts reads of dispatch's PartsRequested (PRT-01). */
    record PartsRequested(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotNull String technicianId,
                          @NotNull String fromLocation, @NotNull List<@NotNull @Valid Line> lines) {

        record Line(@NotNull String partNumber, @NotNull Integer quantity) {
        }

        PartsRequest request() {
            return new PartsRequest(workOrderId, ticketId, technicianId, fromLocation,
                    lines.stream().map(line -> new PartLine(line.partNumber(), line.quantity())).toList());
        }
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
