package com.opensvc.aftersales.parts.loan;

import java.util.Set;

/**
 * PRT-03: how a loaned part is settled when the repair closes. The used quantity of warranty work waits for the old
 * part (checked against the production record); of paid work (entitlement PAID, or the repair charged this part) it
 * is written off at once against RepairClosed's payment reference, or waits for the reference (PaymentCollected);
 * what was not used is to be returned. A partly used loan splits: the used quantity is settled, the rest awaits
 * return.
 */
public final class Reconciliation {
    static final Set<String> WARRANTY = Set.of("RETURN", "EXCHANGE", "FREE_REPAIR", "CONTRACT");

    private Reconciliation() {
    }

    /** @param settledQuantity the quantity that takes {@code status}; {@code returnQuantity} is lent on */
    public record Settlement(LoanStatus status, int settledQuantity, int returnQuantity) {
    }

    /** Paid work: the entitlement is not a warranty one, or the repair's charges name this part. */
    public static boolean paid(String entitlement, boolean partCharged) {
        return partCharged || !WARRANTY.contains(entitlement);
    }

    /** @param used how many of the part the technician reported used (0 if none; more than loaned counts as all) */
    public static Settlement settle(int loaned, int used, boolean paid, String paymentReference) {
        int consumed = Math.min(loaned, Math.max(used, 0));
        int remainder = loaned - consumed;
        if (consumed == 0) {
            return new Settlement(LoanStatus.AWAITING_RETURN, loaned, 0);
        }
        LoanStatus status;
        if (!paid) {
            status = LoanStatus.AWAITING_OLD_PART;
        } else if (paymentReference == null || paymentReference.isBlank()) {
            status = LoanStatus.AWAITING_PAYMENT_REFERENCE;
        } else {
            status = LoanStatus.CONSUMED_ON_PAID_WORK;
        }
        return new Settlement(status, consumed, remainder);
    }
}
