package com.opensvc.aftersales.parts.loan;

import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.PeriodUnit;

/**
 * The settlement side's configuration (PRT-05).
 *
 * @param loanOverdueAfter a loan without an outcome this long after its work order closed is overdue; a plain number
 *                         is days, default 7 (DOMAIN.md is silent on the number)
 */
@ConfigurationProperties("aftersales.parts")
public record SettlementProperties(@PeriodUnit(ChronoUnit.DAYS) @DefaultValue("7") Period loanOverdueAfter) {

    public SettlementProperties {
        if (loanOverdueAfter.isNegative()) {
            throw new IllegalArgumentException("aftersales.parts.loan-overdue-after must not be negative, was "
                    + loanOverdueAfter);
        }
    }
}
