package com.opensvc.aftersales.quality.defect;

/** QLT-01: the department a failure is laid at (the values of intake's ComplaintResponsibilityAssigned). */
public enum ResponsibleDepartment {
    PRODUCTION, ENGINEERING, QUALITY, PURCHASING, WAREHOUSE, LOGISTICS, SALES, AFTER_SALES, CUSTOMER
}
