package com.opensvc.aftersales.parts.loan;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * Where a part lent to a work order stands (PRT-03), and the one table of legal moves. Every loan ends in exactly one
 * of the four outcomes ({@link #isOutcome()}): consumed under warranty, consumed on paid work, restocked, scrapped.
 */
public enum LoanStatus {
    /** Issued to the technician; the work order has not closed yet. */
    ON_LOAN,
    /** Used under warranty: the storekeeper waits for the old part, checked against the production record. */
    AWAITING_OLD_PART,
    /**
     * Used under warranty, but the old part checked in does not match the production record (or there is none): the
     * write-off is blocked and the work order flagged until a matching old part is checked in. Not an outcome.
     */
    WRITE_OFF_BLOCKED,
    /** Used on paid work; written off once the payment reference is known (dispatch's PaymentCollected). */
    AWAITING_PAYMENT_REFERENCE,
    /** Not used (or the order was cancelled): the technician returns it to the store. */
    AWAITING_RETURN,
    /** Returned unused into the store's quarantine, waiting for inspection. */
    RETURNED_FOR_INSPECTION,
    /** Outcome: written off against a matching old part. */
    CONSUMED_UNDER_WARRANTY,
    /** Outcome: written off against the payment reference. */
    CONSUMED_ON_PAID_WORK,
    /** Outcome: unused, passed inspection, back on the store's shelf. */
    RESTOCKED,
    /** Outcome: unused, failed inspection, scrapped. */
    SCRAPPED;

    private static final Map<LoanStatus, Set<LoanStatus>> LEGAL = Map.of(
            ON_LOAN, EnumSet.of(AWAITING_OLD_PART, AWAITING_PAYMENT_REFERENCE, CONSUMED_ON_PAID_WORK, AWAITING_RETURN),
            AWAITING_OLD_PART, EnumSet.of(CONSUMED_UNDER_WARRANTY, WRITE_OFF_BLOCKED),
            WRITE_OFF_BLOCKED, EnumSet.of(CONSUMED_UNDER_WARRANTY, WRITE_OFF_BLOCKED),
            AWAITING_PAYMENT_REFERENCE, EnumSet.of(CONSUMED_ON_PAID_WORK),
            AWAITING_RETURN, EnumSet.of(RETURNED_FOR_INSPECTION),
            RETURNED_FOR_INSPECTION, EnumSet.of(RESTOCKED, SCRAPPED),
            CONSUMED_UNDER_WARRANTY, EnumSet.noneOf(LoanStatus.class),
            CONSUMED_ON_PAID_WORK, EnumSet.noneOf(LoanStatus.class),
            RESTOCKED, EnumSet.noneOf(LoanStatus.class),
            SCRAPPED, EnumSet.noneOf(LoanStatus.class));

    /** The four outcomes a loan ends in; nothing leaves them. */
    public static final Set<LoanStatus> OUTCOMES = EnumSet.of(CONSUMED_UNDER_WARRANTY, CONSUMED_ON_PAID_WORK,
            RESTOCKED, SCRAPPED);

    public boolean isOutcome() {
        return OUTCOMES.contains(this);
    }

    public Set<LoanStatus> next() {
        return EnumSet.copyOf(LEGAL.get(this));
    }

    public boolean canBecome(LoanStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /** @throws StateConflictException (409 with the current state) when the table does not allow it */
    public LoanStatus requireTransitionTo(LoanStatus target) {
        if (!canBecome(target)) {
            throw new StateConflictException("loan", name(), "become " + target);
        }
        return target;
    }
}
