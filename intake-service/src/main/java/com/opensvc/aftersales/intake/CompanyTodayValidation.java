package com.opensvc.aftersales.intake;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean validation's "now" ({@code @PastOrPresent} ship, sale and installation dates, INT-02) is the service clock in
 * the company's zone: a ship date of today in the company's zone is not "in the future" on a server that runs in UTC.
 */
@Configuration(proxyBeanMethods = false)
class CompanyTodayValidation {

    @Bean
    ValidationConfigurationCustomizer companyTodayForValidation(Clock clock, IntakeProperties properties) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(properties.zone()));
    }
}
