package com.opensvc.aftersales.parts.loan;

import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.PeriodUnit;

/**
 * Parts' configuration.
 *
 * @param replenishmentLeadTime how long after a shortage replenishment is expected (DSP-03: the date a backordered
 *                              line shows); a plain number is days, default 7
 * @param currency              ISO 4217 code of the catalogue's unit prices, published with PartsIssued (INT-08);
 *                              default CNY
 */
@ConfigurationProperties("aftersales.parts")
public record PartsProperties(@PeriodUnit(ChronoUnit.DAYS) @DefaultValue("7") Period replenishmentLeadTime,
                              @DefaultValue("CNY") String currency) {

    public PartsProperties {
        if (replenishmentLeadTime.isNegative()) {
            throw new IllegalArgumentException("aftersales.parts.replenishment-lead-time must not be negative, was "
                    + replenishmentLeadTime);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("aftersales.parts.currency must be an ISO 4217 code, was " + currency);
        }
    }
}
