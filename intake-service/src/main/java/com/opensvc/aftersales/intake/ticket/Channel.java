package com.opensvc.aftersales.intake.ticket;

/** INT-01: how the ticket reached us. */
public enum Channel {
    PHONE, EMAIL, FAX, LETTER, MAIL_IN_ITEM, WALK_IN, WEB, INSPECTION, INTERNAL_REFERRAL
}
