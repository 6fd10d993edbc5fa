package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.contract.ServiceContract;
import com.opensvc.aftersales.intake.contract.ServiceContractRepository;

/** Gathers the configuration and contract an assessment needs and applies {@link EntitlementPolicy#assess}. */
@Component
public class EntitlementAssessor {
    private final EntitlementProperties catalogue;
    private final ServiceContractRepository contracts;

    public EntitlementAssessor(EntitlementProperties catalogue, ServiceContractRepository contracts) {
        this.catalogue = catalogue;
        this.contracts = contracts;
    }

    public Assessment assess(ProductDates dates, String productLine, String productModel, UUID serviceContractId,
                             String requestedService, LocalDate reportedOn) {
        ContractCoverage coverage = serviceContractId == null ? null
                : contracts.find(serviceContractId).map(ServiceContract::coverage).orElse(null);
        return EntitlementPolicy.assess(dates, catalogue.termsFor(productLine),
                catalogue.warrantyExtensionMonths(productModel), coverage, requestedService, reportedOn);
    }
}
