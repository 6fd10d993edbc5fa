package com.opensvc.aftersales.intake.installedbase;

import java.util.Optional;
import java.util.UUID;

/** Who holds a service contract, so a product is only put under its own customer's contract; the contract feature answers. */
public interface ContractHolders {
    /** The customer of the contract; empty for an unknown contract. */
    Optional<UUID> holderOf(UUID serviceContractId);
}
