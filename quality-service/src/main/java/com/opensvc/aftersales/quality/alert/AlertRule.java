package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * QLT-06: when failures of one model and failure mode in a rolling window make an alert. The failures must EXCEED
 * the count threshold (DOMAIN.md: "exceed"), or exceed the rate threshold as a share of the model's installed base —
 * the rate only where the installed base is large enough to mean something.
 *
 * @param productModel   the model whose own rule this is; null for the configured default
 * @param rateThreshold  null: no rate rule
 */
public record AlertRule(String productModel, int windowDays, int countThreshold, BigDecimal rateThreshold,
                        String updatedBy, Instant updatedAt, int version) {
    public static final int MAX_WINDOW_DAYS = 366;

    /** @throws IllegalArgumentException when the window is not 1 to 366 whole days */
    static int wholeDays(Duration window) {
        if (window.isNegative() || window.isZero() || !window.equals(Duration.ofDays(window.toDays()))
                || window.toDays() > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("the alert window must be 1 to " + MAX_WINDOW_DAYS + " whole days");
        }
        return (int) window.toDays();
    }

    Duration window() {
        return Duration.ofDays(windowDays);
    }

    /** The window as ISO-8601, e.g. {@code P30D}. */
    String windowText() {
        return "P" + windowDays + "D";
    }

    boolean own() {
        return productModel != null;
    }

    /** What {@code count} failures in the window are for a model with {@code installedBase} units. */
    Assessment assess(int count, long installedBase, long minInstalledBase) {
        boolean rateApplies = rateThreshold != null && installedBase >= minInstalledBase && installedBase > 0;
        BigDecimal rate = rateApplies
                ? BigDecimal.valueOf(count).divide(BigDecimal.valueOf(installedBase), 6, RoundingMode.HALF_UP)
                : null;
        AlertBasis basis = null;
        if (count > countThreshold) {
            basis = AlertBasis.COUNT;
        } else if (rateApplies
                // exactly: count / base > threshold, without the rounding of the reported rate
                && BigDecimal.valueOf(count).compareTo(rateThreshold.multiply(BigDecimal.valueOf(installedBase))) > 0) {
            basis = AlertBasis.RATE;
        }
        return new Assessment(count, installedBase, rate, basis);
    }

    /**
     * @param rate  failures per installed unit (6 places) where the rate rule applies, else null
     * @param basis what was exceeded; null when nothing was
     */
    record Assessment(int count, long installedBase, BigDecimal rate, AlertBasis basis) {
        boolean exceeded() {
            return basis != null;
        }
    }
}
