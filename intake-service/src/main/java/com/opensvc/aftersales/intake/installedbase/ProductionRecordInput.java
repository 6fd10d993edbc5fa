package com.opensvc.aftersales.intake.installedbase;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * PRT-03: the production inspection record as quality enters it ({@code PUT …/production-record}, replaces the
 * record whole). Each component names its part number and at least one of serial number and factory date; a part
 * number and serial number appear once. Dates cannot lie in the future.
 */
public record ProductionRecordInput(
        @Size(max = 100) String productionBatch,
        @PastOrPresent LocalDate inspectedOn,
        @Size(max = 100) String inspector,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid ComponentInput> components) {

    /** One component fitted at the factory. */
    public record ComponentInput(
            @NotBlank @Size(max = 100) String partNumber,
            @Size(max = 100) String serialNumber,
            @PastOrPresent LocalDate factoryDate) {
    }
}
