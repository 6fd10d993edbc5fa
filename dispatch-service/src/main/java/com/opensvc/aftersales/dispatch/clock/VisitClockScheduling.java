package com.opensvc.aftersales.dispatch.clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

import com.opensvc.aftersales.jobs.RecurringJob;

/** Every replica evaluates the visit clocks every {@code evaluation-interval} (SLA-07: each breach fires once). */
@Configuration(proxyBeanMethods = false)
class VisitClockScheduling {

    @Bean
    RecurringJob visitClockEvaluation(VisitClockJob job, VisitClockProperties properties) {
        return new RecurringJob("visit-clocks", properties.evaluationEnabled(),
                new PeriodicTrigger(properties.evaluationInterval()), job::evaluateDue);
    }
}
