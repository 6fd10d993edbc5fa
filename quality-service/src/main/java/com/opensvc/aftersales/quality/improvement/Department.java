package com.opensvc.aftersales.quality.improvement;

/** QLT-05: the department a root cause lies with (or a process is named instead). */
public enum Department {
    PRODUCTION, ENGINEERING, QUALITY, PURCHASING, WAREHOUSE, LOGISTICS, SALES, AFTER_SALES, CUSTOMER
}
