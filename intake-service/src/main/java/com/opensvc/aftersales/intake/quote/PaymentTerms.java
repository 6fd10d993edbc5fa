package com.opensvc.aftersales.intake.quote;

/** INT-08 payment terms of a paid repair. */
public enum PaymentTerms {
    /** Cash or card on site, handed to finance. */
    ON_SITE,
    INVOICED_SAME_DAY,
    /** Paid before work starts; the default for depot repair. */
    PREPAID
}
