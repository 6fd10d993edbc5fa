package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * INT-06, as a pure function. With {@code d} = days from warranty start to the day the fault was reported:
 * {@code d ≤ returnDays} → RETURN, {@code d ≤ exchangeDays} → EXCHANGE, reported on or before the last day of the
 * warranty ({@link #warrantyEnd}: a 12-month warranty from 10 Jan covers up to and including 9 Jan next year)
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
        if (!reportedOn.isAfter(warrantyEnd(warrantyStart, terms))) {
            return Entitlement.FREE_REPAIR;
        }
        return Entitlement.PAID;
    }

    /**
     * The last day covered: a fault reported on it is still FREE_REPAIR, one reported the day after is PAID. The
     * warranty runs {@code warrantyMonths} from the start, the same date N months later being the first day out.
     */
    public static LocalDate warrantyEnd(LocalDate warrantyStart, WarrantyTerms terms) {
        return warrantyStart.plusMonths(terms.warrantyMonths()).minusDays(1);
    }

    /**
     * The full INT-06 assessment of an installed product on the day a fault is reported: the product line picks the
     * date that starts the warranty; the model and a running contract may extend it; a running contract that covers
     * the requested service gives CONTRACT. The statutory RETURN and EXCHANGE windows come first because they give
     * the customer more than a contract does.
     */
    public static Assessment assess(ProductDates dates, WarrantyTerms terms, int modelExtensionMonths,
                                    ContractCoverage contract, String requestedService, LocalDate reportedOn) {
        LocalDate start = dates.startFor(terms.warrantyStart());
        boolean contractRuns = contract != null && contract.runsOn(reportedOn);
        boolean contractCovers = contract != null && contract.covers(requestedService, reportedOn);
        if (start == null || reportedOn.isBefore(start)) {
            if (contractCovers) {
                return new Assessment(Entitlement.CONTRACT, start, null,
                        "contract " + contract.contractNumber() + " covers " + requestedService);
            }
            return new Assessment(null, start, null, start == null
                    ? terms.warrantyStart() + " not known yet" : terms.warrantyStart() + " is after the report date");
        }
        int months = terms.warrantyMonths() + modelExtensionMonths + (contractRuns ? contract.warrantyExtensionMonths() : 0);
        WarrantyTerms extended = new WarrantyTerms(terms.warrantyStart(), terms.returnDays(), terms.exchangeDays(),
                Math.min(months, 240));
        LocalDate end = warrantyEnd(start, extended);
        long d = ChronoUnit.DAYS.between(start, reportedOn);
        Entitlement byDate = decide(start, reportedOn, extended);
        if (contractCovers && byDate != Entitlement.RETURN && byDate != Entitlement.EXCHANGE) {
            return new Assessment(Entitlement.CONTRACT, start, end,
                    "contract " + contract.contractNumber() + " covers " + requestedService + "; d=" + d);
        }
        return new Assessment(byDate, start, end, "d=" + d + " from " + terms.warrantyStart() + " " + start
                + ", warranty " + months + " months to " + end);
    }
}
