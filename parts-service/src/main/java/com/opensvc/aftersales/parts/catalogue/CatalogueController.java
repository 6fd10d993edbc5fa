package com.opensvc.aftersales.parts.catalogue;

import java.net.URI;

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

/**
 * The part catalogue (DOMAIN.md §5): the storekeeper creates and edits parts and sets their prices (INT-08);
 * everyone who prepares or quotes work reads it.
 */
@RestController
@Validated
@RequestMapping("/api/parts/catalogue")
@RequiredArgsConstructor
public class CatalogueController {
    private final Catalogue catalogue;

    @PostMapping
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Part> create(@Valid @RequestBody NewPart input,
                                       @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        Catalogue.Created created = catalogue.create(input, key, CurrentUser.name());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/catalogue/" + created.part().partNumber()))
                .eTag(IfMatch.etag(created.part().version())).body(created.part());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'TECHNICIAN', 'FINANCE', 'QUALITY', "
            + "'FRONT_DESK', 'CUSTOMER_MANAGER')")
    public PageOf<Part> search(@RequestParam(required = false) @Size(max = 100) String model,
                               @RequestParam(required = false) @Size(max = 100) String q,
                               @RequestParam(required = false) Boolean active, Paging paging) {
        return catalogue.search(model, q, active, paging);
    }

    @GetMapping("/{partNumber}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'TECHNICIAN', 'FINANCE', 'QUALITY', "
            + "'FRONT_DESK', 'CUSTOMER_MANAGER')")
    public ResponseEntity<Part> get(@PathVariable @Size(max = 40) String partNumber) {
        return withEtag(catalogue.get(partNumber));
    }

    /** INT-08: prices are the storekeeper's; SEC-05: {@code active: false} retires the part. */
    @PutMapping("/{partNumber}")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Part> change(@PathVariable @Size(max = 40) String partNumber,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody PartEdit input) {
        return withEtag(catalogue.change(partNumber, input, IfMatch.expectedVersion(ifMatch), CurrentUser.name()));
    }

    /** INT-08, SEC-03: every price the part had, who set it and when, oldest first. */
    @GetMapping("/{partNumber}/price-history")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'FINANCE')")
    public PageOf<PriceChange> priceHistory(@PathVariable @Size(max = 40) String partNumber, Paging paging) {
        return catalogue.priceHistory(partNumber, paging);
    }

    private static ResponseEntity<Part> withEtag(Part part) {
        return ResponseEntity.ok().eTag(IfMatch.etag(part.version())).body(part);
    }
}
