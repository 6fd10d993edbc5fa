package com.opensvc.aftersales.intake.ticket;

public enum ServiceType {
    ON_SITE, CARRY_IN, INSTALLATION, REMOTE
}
