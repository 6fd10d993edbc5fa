package com.opensvc.aftersales.intake.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

import com.opensvc.aftersales.intake.scheduling.RecurringJob;

/** The SLA evaluation every {@code aftersales.intake.sla.evaluation-interval} on every replica (SLA-07). */
@Configuration(proxyBeanMethods = false)
class SlaScheduling {
    @Bean
    RecurringJob slaEvaluation(SlaEvaluationJob job, SlaProperties properties) {
        return new RecurringJob("SLA evaluation", properties.jobEnabled(),
                new PeriodicTrigger(properties.evaluationInterval()), job::run);
    }
}
