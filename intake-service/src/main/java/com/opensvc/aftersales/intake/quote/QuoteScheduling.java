package com.opensvc.aftersales.intake.quote;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

import com.opensvc.aftersales.intake.scheduling.RecurringJob;

/** Quote expiry every {@code aftersales.intake.quote.expiry-interval} on every replica (see QuoteExpiryJob). */
@Configuration(proxyBeanMethods = false)
class QuoteScheduling {
    @Bean
    RecurringJob quoteExpiry(QuoteExpiryJob job, QuoteProperties properties) {
        return new RecurringJob("quote expiry", properties.expiryJobEnabled(),
                new PeriodicTrigger(properties.expiryInterval()), job::expireDue);
    }
}
