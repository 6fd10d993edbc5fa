package com.opensvc.aftersales.quality.complaint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * QLT-04: the complaint statistics from intake's complaint events and revisit's outcomes (never their databases);
 * every other event on the two topics is ignored. Idempotent (EVT-04; and every write is an upsert that keeps the
 * newer fact).
 */
@Configuration(proxyBeanMethods = false)
class ComplaintListener {
    static final String CONSUMER = "quality-complaints";

    @Bean
    EventHandlers complaintEvents(InboundEvents inbound, ComplaintRecords complaints) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket", "aftersales.revisit.revisit")
                .on(TicketRegistered.class, registered -> complaints.registered(registered))
                .on(ComplaintResponsibilityAssigned.class, assigned -> complaints.responsibilityAssigned(assigned))
                .on(ComplaintFinished.class, finished -> complaints.finished(finished))
                .on(TicketClosed.class, closed -> complaints.closed(closed))
                .on(RevisitCompleted.class, completed -> complaints.revisited(completed.ticketId(),
                        completed.satisfaction(), completed.occurredAt()))
                .on(CustomerDissatisfied.class, dissatisfied -> complaints.revisited(dissatisfied.ticketId(),
                        Satisfaction.DISSATISFIED, dissatisfied.occurredAt()))
                .build();
    }
}
