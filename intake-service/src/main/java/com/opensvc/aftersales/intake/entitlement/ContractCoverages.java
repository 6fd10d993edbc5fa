package com.opensvc.aftersales.intake.entitlement;

import java.util.Optional;
import java.util.UUID;

/** What a service contract covers (INT-06 CONTRACT); the contract feature answers. */
public interface ContractCoverages {
    Optional<ContractCoverage> coverage(UUID serviceContractId);
}
