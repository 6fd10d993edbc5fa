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
 * Stock locations (DOMAIN.md §5): the storekeeper creates the central warehouse, the stores and technicians'
 * holdings; in-transit and quarantine locations are the service's own (created on first use).
 */
@RestController
@Validated
@RequestMapping("/api/parts/locations")
@RequiredArgsConstructor
public class LocationController {
    private final Locations locations;

    @PostMapping
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Location> create(@Valid @RequestBody NewLocation input,
                                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        Locations.Created created = locations.create(input.checked(), key, CurrentUser.name());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/locations/" + created.location().code()))
                .eTag(IfMatch.etag(created.location().version())).body(created.location());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'FINANCE')")
    public PageOf<Location> list(@RequestParam(required = false) LocationKind kind, Paging paging) {
        return locations.list(kind, paging);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'FINANCE')")
    public ResponseEntity<Location> get(@PathVariable @Size(max = 200) String code) {
        return withEtag(locations.get(code));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Location> rename(@PathVariable @Size(max = 200) String code,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody LocationEdit input) {
        return withEtag(locations.rename(code, input.name(), IfMatch.expectedVersion(ifMatch), CurrentUser.name()));
    }

    private static ResponseEntity<Location> withEtag(Location location) {
        return ResponseEntity.ok().eTag(IfMatch.etag(location.version())).body(location);
    }
}
