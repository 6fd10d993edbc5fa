package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A part lent to a work order's technician until the repair closes and the loan is settled (PRT-03). */
public record Loan(UUID id, UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                   LoanStatus status, String oldSerial, Instant issuedAt, Instant settledAt) {

    static Loan lend(UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                     LoanStatus status, Instant at) {
        return new Loan(UUID.randomUUID(), workOrderId, ticketId, technician, partNumber, quantity, status, null, at,
                null);
    }

    /**
     * PRT-03: settles the loan against what the technician reported using on the closed repair; an unused rest is
     * lent on until it is returned.
     */
    LoanChange settle(int used, String oldSerial, String entitlement, Instant at) {
        if (status != LoanStatus.ON_LOAN) {
            throw new IllegalStateException("loan " + id + " is " + status + ", not on loan");
        }
        Reconciliation.Settlement settlement = Reconciliation.settle(quantity, used, oldSerial, entitlement);
        LoanStatus settledAs = settlement.status();
        Loan settled = new Loan(id, workOrderId, ticketId, technician, partNumber, settlement.settledQuantity(),
                settledAs, settlement.oldSerial(), issuedAt,
                settledAs == LoanStatus.CONSUMED_UNDER_WARRANTY ? at : settledAt);
        Optional<Loan> rest = settlement.returnQuantity() > 0
                ? Optional.of(lend(workOrderId, ticketId, technician, partNumber, settlement.returnQuantity(),
                LoanStatus.AWAITING_RETURN, at))
                : Optional.empty();
        return new LoanChange(settled, rest);
    }
}
