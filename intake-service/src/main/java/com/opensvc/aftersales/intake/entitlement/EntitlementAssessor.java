package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import lombok.RequiredArgsConstructor;

/** Gathers the configuration and contract an assessment needs and applies {@link EntitlementPolicy#assess}. */
@Component
@RequiredArgsConstructor
public class EntitlementAssessor {
    private final EntitlementProperties catalogue;
    private final ContractCoverages contracts;

    public Assessment assess(ProductDates dates, String productLine, String productModel, UUID serviceContractId,
                             String requestedService, LocalDate reportedOn) {
        ContractCoverage coverage = serviceContractId == null ? null : contracts.coverage(serviceContractId).orElse(null);
        return EntitlementPolicy.assess(dates, catalogue.termsFor(productLine),
                catalogue.warrantyExtensionMonths(productModel), coverage, requestedService, reportedOn);
    }
}
