package com.opensvc.aftersales.quality.installedbase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.quality.installedbase.InstalledUnit.Component;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What quality reads of intake's InstalledProductRecorded: the unit, its dates and its production record. */
public record InstalledProductRecorded(@NotNull UUID installedProductId, @NotNull @Min(1) Integer version,
                                       @NotNull UUID customerId, @NotNull String productModel, String productLine,
                                       @NotNull String serialNumber, LocalDate factoryDate, LocalDate shipDate,
                                       @Valid ProductionRecordRead productionRecord, @NotNull Instant occurredAt) {

    /** The production inspection record as the event carries it; null while intake has none. */
    public record ProductionRecordRead(String productionBatch,
                                       @NotNull List<@NotNull @Valid Component> components) {
    }

    InstalledUnit unit() {
        return new InstalledUnit(installedProductId, version, customerId, productModel, productLine, serialNumber,
                factoryDate, shipDate, productionRecord == null ? null : productionRecord.productionBatch(),
                productionRecord == null ? List.of() : productionRecord.components());
    }
}
