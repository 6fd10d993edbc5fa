package com.opensvc.aftersales.intake.installedbase;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** An installed product as the desk enters or edits it. Dates cannot lie in the future. */
public record InstalledProductInput(
        @NotNull UUID customerId,
        UUID endUserCustomerId,
        @NotBlank @Size(max = 100) String productModel,
        @Size(max = 100) String productLine,
        @NotBlank @Size(max = 100) String serialNumber,
        @PastOrPresent LocalDate factoryDate,
        @PastOrPresent LocalDate shipDate,
        @PastOrPresent LocalDate saleDate,
        @PastOrPresent LocalDate installationAcceptanceDate,
        UUID serviceContractId,
        @Size(max = 5) Map<String, @Size(max = 200) String> extraFields) {

    public Map<String, String> extraFieldsOrEmpty() {
        return extraFields == null ? Map.of() : extraFields;
    }
}
