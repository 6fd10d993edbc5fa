package com.opensvc.aftersales.intake.contract;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** Service contracts are data the customer manager and finance keep (INT-06 CONTRACT). */
@RestController
@Validated
@RequestMapping("/api/intake/service-contracts")
@RequiredArgsConstructor
public class ServiceContractController {
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'FINANCE', 'MANAGER')";

    private final ServiceContractService contracts;

    @PostMapping
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR', 'FINANCE')")
    public ResponseEntity<ServiceContract> create(@Valid @RequestBody ServiceContractInput input,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        ServiceContractService.Created created = contracts.create(input, key, CurrentUser.name());
        if (!created.created()) {
            return ResponseEntity.ok(created.contract());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/intake/service-contracts/" + created.contract().id())).body(created.contract());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ServiceContract get(@PathVariable UUID id) {
        return contracts.get(id);
    }

    @GetMapping
    @PreAuthorize(READERS)
    public List<ServiceContract> ofCustomer(@RequestParam UUID customerId) {
        return contracts.ofCustomer(customerId);
    }
}
