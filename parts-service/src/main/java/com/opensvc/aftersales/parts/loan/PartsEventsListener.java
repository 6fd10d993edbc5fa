package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.parts.stock.PartLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** PartsRequested issues parts; RepairClosed reconciles the loans. Idempotent (EVT-04). */
@Configuration(proxyBeanMethods = false)
class PartsEventsListener {
    static final String CONSUMER = "parts-work-orders";

    @Bean
    EventHandlers workOrderEvents(InboundEvents inbound, IssueService issue, ReconciliationService reconciliation) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
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
}
