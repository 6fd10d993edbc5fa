package com.opensvc.aftersales.quality.installedbase;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * One unit of the installed base as quality knows it.
 *
 * @param productionBatch null while the unit has no production inspection record
 * @param components      the components fitted at the factory (empty without a production record)
 */
public record InstalledUnit(UUID id, int version, UUID customerId, String productModel, String productLine,
                            String serialNumber, LocalDate factoryDate, LocalDate shipDate, String productionBatch,
                            List<Component> components) {

    public InstalledUnit {
        components = List.copyOf(components);
    }

    /** A component fitted at the factory. */
    public record Component(@NotNull String partNumber, String serialNumber, LocalDate factoryDate) {
    }
}
