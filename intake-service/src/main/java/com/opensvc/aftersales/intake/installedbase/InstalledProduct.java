package com.opensvc.aftersales.intake.installedbase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.intake.entitlement.ProductDates;

/**
 * One product in the installed base (INT-24): who bought it, who uses it where that differs, its dates, its
 * service contract, the configured extra fields by name, and the production inspection record quality provides
 * (PRT-03; null while none is recorded).
 */
public record InstalledProduct(UUID id, UUID customerId, UUID endUserCustomerId, String productModel,
                               String productLine, String serialNumber, LocalDate factoryDate, LocalDate shipDate,
                               LocalDate saleDate, LocalDate installationAcceptanceDate, UUID serviceContractId,
                               Map<String, String> extraFields, ProductionRecord productionRecord, int version,
                               Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public ProductDates dates() {
        return new ProductDates(shipDate, saleDate, installationAcceptanceDate);
    }
}
