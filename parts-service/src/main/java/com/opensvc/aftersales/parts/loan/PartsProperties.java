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
 */
@ConfigurationProperties("aftersales.parts")
public record PartsProperties(@PeriodUnit(ChronoUnit.DAYS) @DefaultValue("7") Period replenishmentLeadTime) {

    public PartsProperties {
        if (replenishmentLeadTime.isNegative()) {
            throw new IllegalArgumentException("aftersales.parts.replenishment-lead-time must not be negative, was "
                    + replenishmentLeadTime);
        }
    }
}
