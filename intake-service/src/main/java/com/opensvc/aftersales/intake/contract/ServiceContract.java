package com.opensvc.aftersales.intake.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.opensvc.aftersales.intake.entitlement.ContractCoverage;

/** A service contract (INT-06 CONTRACT): the services it covers while it runs, and any warranty extension. */
public record ServiceContract(UUID id, String number, UUID customerId, LocalDate startsOn, LocalDate endsOn,
                              Set<String> coveredServices, int warrantyExtensionMonths, int version,
                              Instant createdAt, String createdBy) {

    public ContractCoverage coverage() {
        return new ContractCoverage(number, startsOn, endsOn, coveredServices, warrantyExtensionMonths);
    }
}
