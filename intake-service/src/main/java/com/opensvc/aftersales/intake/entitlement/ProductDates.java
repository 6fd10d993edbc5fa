package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;

/** The installed product's dates that can start its warranty (INT-06). */
public record ProductDates(LocalDate shipDate, LocalDate saleDate, LocalDate installationAcceptanceDate) {

    public LocalDate startFor(WarrantyTerms.WarrantyStart basis) {
        return switch (basis) {
            case SHIP_DATE -> shipDate;
            case SALE_DATE -> saleDate;
            case INSTALLATION_ACCEPTANCE_DATE -> installationAcceptanceDate;
        };
    }
}
