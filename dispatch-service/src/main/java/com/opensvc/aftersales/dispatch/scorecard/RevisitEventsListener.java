package com.opensvc.aftersales.dispatch.scorecard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;

/**
 * REV-07 → DSP-10: revisit's results (answered, with the survey, or unreachable) feed the technicians' scorecards; every other revisit event is ignored.
 * Idempotent (EVT-04: the inbox skips a redelivery; the revisit id is the rating's key).
 */
@Configuration(proxyBeanMethods = false)
class RevisitEventsListener {
    static final String CONSUMER = "dispatch-scorecards";

    @Bean
    EventHandlers revisitEvents(InboundEvents inbound, ScorecardFacts facts) {
        return inbound.consumer(CONSUMER, "aftersales.revisit.revisit")
                .on(RevisitCompleted.class, completed -> facts.rated(completed.rating()))
                .on(CustomerDissatisfied.class, dissatisfied -> facts.rated(dissatisfied.rating()))
                .on(RevisitUnreachable.class, unreachable -> facts.unreachable(unreachable))
                .build();
    }
}
