package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * DSP-09: a plan for one installed product. {@code inspections} left out → the configured routine inspections (on
 * site monthly, by phone every half month); an empty list → none (then some item needs its own {@code every}). An
 * item with {@code every} is also generated as work of its own; every item is on each inspection's checklist.
 */
public record CreatePlanRequest(
        @NotNull UUID customerId,
        @NotNull UUID installedProductId,
        @NotBlank @Size(max = 100) String productModel,
        @Size(max = 100) String serialNumber,
        @NotBlank @Size(max = 100) String region,
        UUID contractId,
        @Size(max = 50) List<@Valid ItemInput> items,
        @Size(max = 10) List<@Valid Inspection> inspections,
        @NotNull LocalDate firstDue,
        @Size(max = 100) String technicianId) {

    public record ItemInput(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                            Interval every, InspectionMode mode) {
    }

    public record Inspection(@NotNull InspectionMode mode, @NotNull Interval every) {
    }

    List<ItemInput> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
