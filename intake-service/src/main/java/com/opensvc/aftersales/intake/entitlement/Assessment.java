package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;

/**
 * The computed entitlement and how it was reached. {@code entitlement} is null when the date that starts the
 * warranty is not known yet (a ticket may register without it, INT-02).
 *
 * @param warrantyEnd the last day covered (a fault reported on it is still FREE_REPAIR; the day after is PAID)
 */
public record Assessment(Entitlement entitlement, LocalDate warrantyStart, LocalDate warrantyEnd, String reason) {
}
