package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.util.List;

/**
 * PRT-05: one technician's loans still without an outcome more than the allowed days after their work order closed.
 *
 * @param loans          how many loans
 * @param pieces         how many pieces they hold
 * @param oldestClosedAt when the oldest of their work orders closed
 * @param items          the loans, oldest close first
 */
public record OverdueLoans(String technicianId, int loans, int pieces, Instant oldestClosedAt, List<Loan> items) {

    OverdueLoans withLoans(List<Loan> overdue) {
        return new OverdueLoans(technicianId, loans, pieces, oldestClosedAt, List.copyOf(overdue));
    }
}
