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

/** PartsRequested issues parts; RepairClosed and PaymentCollected reconcile the loans. Idempotent (EVT-04). */
@Configuration(proxyBeanMethods = false)
class PartsEventsListener {
    static final String CONSUMER = "parts-work-orders";

    @Bean
    EventHandlers workOrderEvents(InboundEvents inbound, IssueService issue, ReconciliationService reconciliation,
                                  ReassignmentService reassignment) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
                .on(PartsRequested.class, requested -> issue.issue(requested.request()))
                .on(RepairClosed.class, repair -> reconciliation.repairClosed(repair))
                .on(PaymentCollected.class, payment -> reconciliation.paymentCollected(payment))
                .on(WorkOrderReassigned.class, reassigned -> reassignment.reassigned(reassigned.reassignment()))
                .on(WorkOrderCancelled.class, cancelled -> {
                    issue.workOrderCancelled(cancelled.workOrderId());
                    reconciliation.workOrderCancelled(cancelled.workOrderId(), cancelled.actor());
                })
                .build();
    }

    /** What parts reads of dispatch's WorkOrderCancelled (PRT-03): what is still on loan for it is to come back. */
    record WorkOrderCancelled(@NotNull UUID workOrderId, @NotNull String actor) {
    }

    /** What parts reads of dispatch's WorkOrderReassigned (DSP-02, INT-22): the parts follow the order. */
    record WorkOrderReassigned(@NotNull UUID workOrderId, @NotNull UUID ticketId, @NotNull String fromTechnicianId,
                               @NotNull String toTechnicianId, String toLocation, String reason,
                               @NotNull String actor) {

        ReassignmentService.Reassignment reassignment() {
            return new ReassignmentService.Reassignment(workOrderId, ticketId, fromTechnicianId, toTechnicianId,
                    toLocation, reason == null ? "reassigned" : reason, actor);
        }
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
