package com.opensvc.aftersales.intake.inspection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * DSP-09: each problem dispatch found on an inspection opens a ticket with channel INSPECTION; every other work-order
 * event is left to the other listeners. Idempotent per event (EVT-04) and per problem.
 */
@Configuration(proxyBeanMethods = false)
class InspectionProblemListener {
    static final String CONSUMER = "intake-inspection-tickets";

    @Bean
    EventHandlers inspectionProblems(InboundEvents inbound, InspectionTickets tickets) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder")
                .on(InspectionProblemFound.class, (problem, meta) -> tickets.open(problem))
                .build();
    }
}
