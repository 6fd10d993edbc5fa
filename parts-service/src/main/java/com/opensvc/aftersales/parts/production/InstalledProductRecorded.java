package com.opensvc.aftersales.parts.production;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What parts reads of intake's InstalledProductRecorded (PRT-03): the unit and its production inspection record. */
public record InstalledProductRecorded(@NotNull UUID installedProductId, @NotNull @Min(1) Integer version,
                                       @NotNull String productModel, @NotNull String serialNumber,
                                       LocalDate factoryDate, @Valid ProductionRecordRead productionRecord,
                                       @NotNull Instant occurredAt) {

    /** The production inspection record as the event carries it; null while intake has none. */
    public record ProductionRecordRead(String productionBatch, LocalDate inspectedOn,
                                       @NotNull List<@NotNull @Valid ComponentRead> components) {
    }

    public record ComponentRead(@NotNull String partNumber, String serialNumber, LocalDate factoryDate) {
    }

    ProductionRecord record() {
        if (productionRecord == null) {
            return new ProductionRecord(installedProductId, version, productModel, serialNumber, factoryDate, false,
                    null, null, List.of());
        }
        return new ProductionRecord(installedProductId, version, productModel, serialNumber, factoryDate, true,
                productionRecord.productionBatch(), productionRecord.inspectedOn(),
                productionRecord.components().stream()
                        .map(c -> new ProductionRecord.Component(c.partNumber(), c.serialNumber(), c.factoryDate()))
                        .toList());
    }
}
