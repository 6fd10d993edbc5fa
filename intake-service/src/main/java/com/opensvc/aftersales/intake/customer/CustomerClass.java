package com.opensvc.aftersales.intake.customer;

/** The customer's class (QLT-04 statistics by class; service classes A paid … D internal in INT-06). */
public enum CustomerClass {
    A, B, C, D
}
