package com.opensvc.aftersales.intake.installedbase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * PRT-03: the production inspection record quality keeps with an installed product — the unit's batch, its final
 * inspection and the components fitted at the factory with their serial numbers and factory dates. Parts checks a
 * returned old part against it (from {@code InstalledProductRecorded}, its own copy) before a warranty write-off.
 * Replaced whole; every version is in the product's history (SEC-03).
 */
public record ProductionRecord(String productionBatch, LocalDate inspectedOn, String inspector,
                               List<Component> components, String recordedBy, Instant recordedAt) {

    public ProductionRecord {
        components = List.copyOf(components);
    }

    /** One component fitted at the factory: at least one of serial number and factory date is known. */
    public record Component(String partNumber, String serialNumber, LocalDate factoryDate) {
    }
}
