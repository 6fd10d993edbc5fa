package com.opensvc.aftersales.intake.customer;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/intake/customers")
@RequiredArgsConstructor
public class CustomerController {
    static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'REVISIT_AGENT', 'FINANCE', 'ADMIN')";
    static final String EDITORS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'ADMIN')";

    private final CustomerService service;

    public record BlockRequest(@Size(max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    public ResponseEntity<Customer> create(@Valid @RequestBody CustomerInput input,
                                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        CustomerService.Created created = service.create(input, key, CurrentUser.name());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/customers/" + created.customer().id()))
                .eTag(IfMatch.etag(created.customer().version())).body(created.customer());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<Customer> get(@PathVariable UUID id) {
        Customer customer = service.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(customer.version())).body(customer);
    }

    /** Paged list; filter by name prefix, phone, group, class, region, blocked. */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<Customer> search(@RequestParam(required = false) @Size(max = 200) String name,
                                   @RequestParam(required = false) @Size(max = 40) String phone,
                                   @RequestParam(required = false) @Size(max = 100) String group,
                                   @RequestParam(name = "class", required = false) CustomerClass customerClass,
                                   @RequestParam(required = false) @Size(max = 100) String region,
                                   @RequestParam(required = false) Boolean blocked,
                                   Paging paging) {
        return service.search(new CustomerFilter(name, phone, group, customerClass, region, blocked), paging);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    public ResponseEntity<Customer> update(@PathVariable UUID id, @Valid @RequestBody CustomerInput input,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        Customer customer = service.update(id, IfMatch.expectedVersion(ifMatch), input, CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(customer.version())).body(customer);
    }

    /** INT-20: blocking and unblocking are the supervisor's and customer manager's decisions. */
    @PostMapping("/{id}/block")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public Customer block(@PathVariable UUID id, @Valid @RequestBody BlockRequest request) {
        return service.block(id, request.reason(), CurrentUser.name());
    }

    @PostMapping("/{id}/unblock")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER')")
    public Customer unblock(@PathVariable UUID id) {
        return service.unblock(id, CurrentUser.name());
    }

    /** SEC-05: removal is a recorded soft delete and needs its own permission. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id, CurrentUser.name());
        return ResponseEntity.noContent().build();
    }
}
