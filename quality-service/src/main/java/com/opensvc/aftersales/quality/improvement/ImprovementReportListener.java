package com.opensvc.aftersales.quality.improvement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * INT-05, QLT-05: a ticket accepted with {@code qualityMustReport} opens its improvement report; a complaint finished
 * with it opens one when the ticket has none yet. Every other ticket event is ignored. Idempotent (EVT-04; and one
 * report per ticket).
 */
@Configuration(proxyBeanMethods = false)
class ImprovementReportListener {
    static final String CONSUMER = "quality-improvement-reports";

    @Bean
    EventHandlers ticketEvents(InboundEvents inbound, ImprovementReportService reports) {
        return inbound.consumer(CONSUMER, "aftersales.intake.ticket")
                .on(TicketAccepted.class, accepted -> reports.ticketAccepted(accepted))
                .on(ComplaintFinished.class, finished -> reports.complaintFinished(finished))
                .build();
    }
}
