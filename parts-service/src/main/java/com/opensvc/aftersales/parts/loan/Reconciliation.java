package com.opensvc.aftersales.parts.loan;

import java.util.Set;

/**
 * PRT-03 (basic): how a loaned part is settled when the repair closes. Used under warranty with the old part's
 * serial → written off as consumed under warranty; used under warranty without it → write-off blocked and the
 * work order flagged; used on paid work → waits for the payment reference; not used → to be returned. A
 * partly used loan splits: the used quantity is settled, the rest awaits return.
 */
public final class Reconciliation {
    static final Set<String> WARRANTY = Set.of("RETURN", "EXCHANGE", "FREE_REPAIR", "CONTRACT");

    private Reconciliation() {
    }

    /** @param used how many of the part the technician reported used (0 if none); oldSerial may be null */
    public record Settlement(LoanStatus status, int settledQuantity, int returnQuantity, String oldSerial) {
    }

    public static Settlement settle(int loaned, int used, String oldSerial, String entitlement) {
        int consumed = Math.min(loaned, Math.max(used, 0));
        int remainder = loaned - consumed;
        if (consumed == 0) {
            return new Settlement(LoanStatus.AWAITING_RETURN, loaned, 0, null);
        }
        LoanStatus status;
        if (!WARRANTY.contains(entitlement)) {
            status = LoanStatus.AWAITING_PAYMENT_REFERENCE;
        } else if (oldSerial == null || oldSerial.isBlank()) {
            status = LoanStatus.WRITE_OFF_BLOCKED;
        } else {
            status = LoanStatus.CONSUMED_UNDER_WARRANTY;
        }
        return new Settlement(status, consumed, remainder, oldSerial);
    }
}
