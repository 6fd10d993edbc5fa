package com.opensvc.aftersales.intake.sla;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * SLA-06: dispatch's visit-clock breaches (SlaBreached on aftersales.dispatch.workorder, SLA-04) escalate the ticket
 * one level, as intake's own breaches do; every other work-order event is left to the lifecycle listener. Idempotent
 * per event (EVT-04) and per breach (a breach redelivered under another event id counts once).
 */
@Configuration(proxyBeanMethods = false)
class DispatchBreachListener {
    static final String CONSUMER = "intake-dispatch-sla-breaches";

    @Bean
    EventHandlers dispatchBreachEvents(InboundEvents inbound, DispatchBreaches breaches) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
                .on(SlaBreached.class, (breach, meta) -> breaches.breached(breach))
                .build();
    }

    /**
     * dispatch's SlaBreached v1 (a visit clock: ARRIVAL or FIX), as intake reads it. The type is shared with intake's
     * own ticket clocks, which name no work order; such a breach on this topic is not a visit clock's and is ignored.
     */
    record SlaBreached(@NotNull UUID ticketId, UUID workOrderId, @NotBlank String clock, @NotNull Instant dueAt,
                       @NotNull Instant breachedAt, String technicianId) {
    }
}
