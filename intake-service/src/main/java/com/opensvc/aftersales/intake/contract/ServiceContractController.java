package com.opensvc.aftersales.intake.contract;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.intake.customer.CustomerRepository;
import com.opensvc.aftersales.intake.idempotency.IdempotentCreations;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Service contracts are data the customer manager and finance keep (INT-06 CONTRACT). */
@RestController
@RequestMapping("/api/intake/service-contracts")
public class ServiceContractController {
    private final ServiceContractRepository contracts;
    private final CustomerRepository customers;
    private final IdempotentCreations idempotency;
    private final Clock clock;

    public ServiceContractController(ServiceContractRepository contracts, CustomerRepository customers,
                                     IdempotentCreations idempotency, Clock clock) {
        this.contracts = contracts;
        this.customers = customers;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR', 'FINANCE')")
    @Transactional
    public ResponseEntity<ServiceContract> create(@Valid @RequestBody ServiceContractInput input,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        UUID id = UUID.randomUUID();
        var earlier = idempotency.claim("service-contract", key, id);
        if (earlier.isPresent()) {
            return ResponseEntity.ok(get(earlier.get()));
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
        contracts.insert(id, input, clock.instant(), CurrentUser.name());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/intake/service-contracts/" + id))
                .body(get(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'FINANCE', 'MANAGER')")
    public ServiceContract get(@PathVariable UUID id) {
        return contracts.find(id).orElseThrow(() -> new NotFoundException("no service contract " + id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'FINANCE', 'MANAGER')")
    public List<ServiceContract> ofCustomer(@RequestParam UUID customerId) {
        return contracts.ofCustomer(customerId);
    }
}
