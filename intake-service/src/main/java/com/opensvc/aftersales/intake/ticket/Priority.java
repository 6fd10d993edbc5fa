package com.opensvc.aftersales.intake.ticket;

/** INT-23: a safety incident or emergency is URGENT. */
public enum Priority {
    NORMAL, URGENT
}
