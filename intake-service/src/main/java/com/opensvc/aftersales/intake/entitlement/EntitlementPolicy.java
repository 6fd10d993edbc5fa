package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * INT-06, as a pure function. With {@code d} = days from warranty start to the day the fault was reported:
 * {@code d ≤ returnDays} → RETURN, {@code d ≤ exchangeDays} → EXCHANGE, reported before the warranty ends
 * ({@code start + warrantyMonths}, exclusive: a 12-month warranty from 10 Jan covers up to 9 Jan next year)
 * → FREE_REPAIR, else PAID.
 */
public final class EntitlementPolicy {
    private EntitlementPolicy() {
    }

    public static Entitlement decide(LocalDate warrantyStart, LocalDate reportedOn, WarrantyTerms terms) {
        if (reportedOn.isBefore(warrantyStart)) {
            throw new IllegalArgumentException("the fault cannot be reported before the warranty starts");
        }
        long d = ChronoUnit.DAYS.between(warrantyStart, reportedOn);
        if (d <= terms.returnDays()) {
            return Entitlement.RETURN;
        }
        if (d <= terms.exchangeDays()) {
            return Entitlement.EXCHANGE;
        }
        if (reportedOn.isBefore(warrantyEnd(warrantyStart, terms))) {
            return Entitlement.FREE_REPAIR;
        }
        return Entitlement.PAID;
    }

    /** The first day no longer covered. */
    public static LocalDate warrantyEnd(LocalDate warrantyStart, WarrantyTerms terms) {
        return warrantyStart.plusMonths(terms.warrantyMonths());
    }
}
