package com.opensvc.aftersales.intake.quote;

/** How the customer told us they accept or decline a quote. */
public enum AcceptanceMethod {
    IN_PERSON, PHONE, SIGNED_FORM, EMAIL, WEB
}
