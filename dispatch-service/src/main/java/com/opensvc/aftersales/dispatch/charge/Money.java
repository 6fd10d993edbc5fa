package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are decimals with two places; the bounds of an amount a request may carry. */
public final class Money {
    /** The largest amount one line, payment or collection may carry (a sanity bound, not a business rule). */
    public static final String MAX = "1000000.00";
    public static final String TWO_DECIMALS = "must be at most " + MAX + " with at most two decimals";

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
