package com.opensvc.aftersales.parts.production;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * PRT-03: parts' copy of an installed unit's production inspection record (from intake's
 * {@code InstalledProductRecorded}): the unit and the components fitted at the factory.
 *
 * @param recorded false while intake has no production inspection record of the unit (no components)
 */
public record ProductionRecord(UUID installedProductId, int version, String productModel, String serialNumber,
                               LocalDate factoryDate, boolean recorded, String productionBatch,
                               LocalDate inspectedOn, List<Component> components) {

    public ProductionRecord {
        components = List.copyOf(components);
    }

    /** One component fitted at the factory. */
    public record Component(String partNumber, String serialNumber, LocalDate factoryDate) {

        /** The returned old part is this component: its serial or its factory date is the recorded one. */
        boolean matches(String returnedSerial, LocalDate returnedFactoryDate) {
            boolean serial = returnedSerial != null && serialNumber != null
                    && serialNumber.trim().equalsIgnoreCase(returnedSerial.trim());
            boolean date = returnedFactoryDate != null && returnedFactoryDate.equals(factoryDate);
            return serial || date;
        }
    }

    /** Why a returned old part does not prove the warranty consumption (PartsWriteOffBlocked's reason). */
    public enum Mismatch {
        NO_PRODUCTION_RECORD, PART_NOT_IN_PRODUCTION_RECORD, MISMATCH
    }

    /**
     * PRT-03: checks a returned old part against the record: empty when a component of that part number has the
     * returned serial or factory date, else why not.
     */
    public Optional<Mismatch> check(String partNumber, String returnedSerial, LocalDate returnedFactoryDate) {
        if (!recorded) {
            return Optional.of(Mismatch.NO_PRODUCTION_RECORD);
        }
        List<Component> ofPart = components.stream().filter(c -> c.partNumber().equals(partNumber)).toList();
        if (ofPart.isEmpty()) {
            return Optional.of(Mismatch.PART_NOT_IN_PRODUCTION_RECORD);
        }
        return ofPart.stream().anyMatch(c -> c.matches(returnedSerial, returnedFactoryDate))
                ? Optional.empty()
                : Optional.of(Mismatch.MISMATCH);
    }

    /** PRT-03: the check when parts has no record of the unit at all. */
    public static Optional<Mismatch> check(Optional<ProductionRecord> record, String partNumber,
                                           String returnedSerial, LocalDate returnedFactoryDate) {
        return record.map(r -> r.check(partNumber, returnedSerial, returnedFactoryDate))
                .orElse(Optional.of(Mismatch.NO_PRODUCTION_RECORD));
    }
}
