package com.opensvc.aftersales.intake.contract;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.intake.entitlement.ContractCoverage;
import com.opensvc.aftersales.intake.entitlement.ContractCoverages;
import com.opensvc.aftersales.intake.installedbase.ContractHolders;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/** Service contracts (INT-06 CONTRACT): kept by the customer manager and finance, read by entitlement and the installed base. */
@Service
@RequiredArgsConstructor
public class ServiceContractService implements ContractCoverages, ContractHolders {
    private final ServiceContractRepository contracts;
    private final CustomerService customers;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public record Created(ServiceContract contract, boolean created) {
    }

    @Transactional
    public Created create(ServiceContractInput input, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("service-contract", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Created(get(earlier.get()), false);
        }
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (input.endsOn().isBefore(input.startsOn())) {
            errors.add(new InvalidFieldException.FieldError("endsOn", "must not be before startsOn"));
        }
        if (!customers.exists(input.customerId())) {
            errors.add(new InvalidFieldException.FieldError("customerId", "is not a known customer"));
        }
        if (contracts.numberTaken(input.number())) {
            errors.add(new InvalidFieldException.FieldError("number", "is already used by another contract"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        contracts.insert(id, input, clock.instant(), actor);
        return new Created(get(id), true);
    }

    public ServiceContract get(UUID id) {
        return contracts.find(id).orElseThrow(() -> new NotFoundException("no service contract " + id));
    }

    public List<ServiceContract> ofCustomer(UUID customerId) {
        return contracts.ofCustomer(customerId);
    }

    @Override
    public Optional<ContractCoverage> coverage(UUID serviceContractId) {
        return contracts.find(serviceContractId).map(ServiceContract::coverage);
    }

    @Override
    public Optional<UUID> holderOf(UUID serviceContractId) {
        return contracts.find(serviceContractId).map(ServiceContract::customerId);
    }
}
