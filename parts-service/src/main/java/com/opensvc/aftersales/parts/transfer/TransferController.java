package com.opensvc.aftersales.parts.transfer;

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

/** PRT-01, PRT-02: the storekeeper moves stock between stores and the central warehouse. */
@RestController
@Validated
@RequestMapping("/api/parts/transfers")
@RequiredArgsConstructor
public class TransferController {
    private final TransferService service;

    @PostMapping
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Transfer> transfer(@Valid @RequestBody TransferInput input,
                                             @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        TransferService.Transferred transferred = service.transfer(input, key, CurrentUser.name());
        return ResponseEntity.status(transferred.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/transfers/" + transferred.transfer().id()))
                .body(transferred.transfer());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public PageOf<Transfer> search(@RequestParam(required = false) @Size(max = 100) @Pattern(regexp = TransferInput.NO_CONTROL) String from,
                                   @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = TransferInput.NO_CONTROL) String to,
                                   Paging paging) {
        return service.search(from, to, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public Transfer get(@PathVariable UUID id) {
        return service.get(id);
    }
}
