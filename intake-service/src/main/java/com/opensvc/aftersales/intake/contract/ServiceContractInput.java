package com.opensvc.aftersales.intake.contract;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.ServiceType;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ServiceContractInput(
        @NotBlank @Size(max = 50) String number,
        @NotNull UUID customerId,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotEmpty Set<@NotNull ServiceType> coveredServices,
        @Min(0) @Max(120) int warrantyExtensionMonths) {
}
