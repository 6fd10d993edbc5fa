package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * QLT-06: a rule as the API shows it.
 *
 * @param own false: the model has no rule of its own and the configured default applies
 */
public record AlertRuleView(String productModel, boolean own, String window, int windowDays, int countThreshold,
                            BigDecimal rateThreshold, long minInstalledBase, String updatedBy, Instant updatedAt,
                            int version) {

    static AlertRuleView of(String productModel, AlertRule rule, long minInstalledBase) {
        return new AlertRuleView(productModel, rule.own(), rule.windowText(), rule.windowDays(), rule.countThreshold(),
                rule.rateThreshold(), minInstalledBase, rule.updatedBy(), rule.updatedAt(), rule.version());
    }
}
