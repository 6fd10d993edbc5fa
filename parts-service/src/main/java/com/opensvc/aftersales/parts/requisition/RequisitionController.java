package com.opensvc.aftersales.parts.requisition;

import java.net.URI;
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
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** Issue 13, PRT-01: requisitions, their cancellation and the central warehouse's allocations against them. */
@RestController
@Validated
@RequestMapping("/api/parts/requisitions")
@RequiredArgsConstructor
public class RequisitionController {
    private final Requisitions requisitions;

    @PostMapping
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Requisition> create(@Valid @RequestBody RequisitionInput input,
                                              @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        return created(requisitions.create(input, key, CurrentUser.name()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public PageOf<Requisition> search(@RequestParam(required = false) RequisitionKind kind,
                                      @RequestParam(required = false) RequisitionStatus status,
                                      @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = RequisitionInput.NO_CONTROL) String location,
                                      Paging paging) {
        return requisitions.search(kind, status, location, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public Requisition get(@PathVariable UUID id) {
        return requisitions.get(id);
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public Requisition cancel(@PathVariable UUID id) {
        return requisitions.cancel(id, CurrentUser.name());
    }

    @PostMapping("/{id}/allocations")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Requisition> allocate(@PathVariable UUID id, @Valid @RequestBody AllocationInput input,
                                                @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        return created(requisitions.allocate(id, input, key, CurrentUser.name()));
    }

    private static ResponseEntity<Requisition> created(Requisitions.Created created) {
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/requisitions/" + created.requisition().id()))
                .body(created.requisition());
    }
}
