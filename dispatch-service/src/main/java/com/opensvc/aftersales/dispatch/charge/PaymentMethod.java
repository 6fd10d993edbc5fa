package com.opensvc.aftersales.dispatch.charge;

/** DSP-05, INT-08: the payment terms of charged work. */
public enum PaymentMethod {
    /** Cash or card taken on site; the technician hands it to finance. */
    COLLECTED_ON_SITE,
    /** An invoice issued the same day; {@code reference} is its number. */
    INVOICED,
    /** Paid before work started; {@code reference} names the prepayment. */
    PREPAID
}
