package com.opensvc.aftersales.intake.installedbase;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/intake/installed-products")
@RequiredArgsConstructor
public class InstalledProductController {
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'QUALITY', 'REVISIT_AGENT', 'TECHNICIAN', 'ADMIN')";
    private static final String EDITORS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'ADMIN')";
    /** PRT-03: the quality department provides the production inspection records. */
    private static final String INSPECTION_RECORDERS = "hasAnyRole('QUALITY', 'ADMIN')";

    private final InstalledProductService service;

    @PostMapping
    @PreAuthorize(EDITORS)
    public ResponseEntity<InstalledProduct> create(@Valid @RequestBody InstalledProductInput input,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        InstalledProductService.Created created = service.create(input, key, CurrentUser.name());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/installed-products/" + created.product().id()))
                .eTag(IfMatch.etag(created.product().version())).body(created.product());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<InstalledProduct> get(@PathVariable UUID id) {
        InstalledProduct product = service.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(product.version())).body(product);
    }

    /** SEC-03: who changed the product when — creation, edits, production records — oldest first. */
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    public PageOf<InstalledProductRepository.HistoryEntry> history(@PathVariable UUID id, Paging paging) {
        return service.history(id, paging);
    }

    /** Search by serial, by customer (buyer or end user), by model, or by a configured extra field's value. */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<InstalledProduct> search(@RequestParam(required = false) @Size(max = 100) String serialNumber,
                                           @RequestParam(required = false) UUID customerId,
                                           @RequestParam(required = false) @Size(max = 100) String productModel,
                                           @RequestParam(required = false) @Size(max = 40) String extraField,
                                           @RequestParam(required = false) @Size(max = 200) String extraValue,
                                           Paging paging) {
        return service.search(new InstalledProductRepository.Filter(serialNumber, customerId, productModel, extraField,
                extraValue), paging);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    public ResponseEntity<InstalledProduct> update(@PathVariable UUID id, @Valid @RequestBody InstalledProductInput input,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        InstalledProduct product = service.update(id, IfMatch.expectedVersion(ifMatch), input, CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(product.version())).body(product);
    }

    /** PRT-03: quality records (replaces) the product's production inspection record; If-Match with its ETag. */
    @PutMapping("/{id}/production-record")
    @PreAuthorize(INSPECTION_RECORDERS)
    public ResponseEntity<InstalledProduct> setProductionRecord(
            @PathVariable UUID id, @Valid @RequestBody ProductionRecordInput input,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        InstalledProduct product = service.setProductionRecord(id, IfMatch.expectedVersion(ifMatch), input,
                CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(product.version())).body(product);
    }
}
