package com.opensvc.aftersales.intake.complaint;

/** INT-11: who is responsible; CUSTOMER when it is the customer's own doing. */
public enum ResponsibleDepartment {
    PRODUCTION, ENGINEERING, QUALITY, PURCHASING, WAREHOUSE, LOGISTICS, SALES, AFTER_SALES, CUSTOMER
}
