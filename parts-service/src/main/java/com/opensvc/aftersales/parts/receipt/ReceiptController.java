package com.opensvc.aftersales.parts.receipt;

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
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** PRT-01: the storekeeper receives stock; open backorders at the store are filled first come, first served. */
@RestController
@Validated
@RequestMapping("/api/parts/receipts")
@RequiredArgsConstructor
public class ReceiptController {
    private final ReceiptService service;

    @PostMapping
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Receipt> receive(@Valid @RequestBody ReceiptInput input,
                                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        ReceiptService.Received received = service.receive(input, key, CurrentUser.name());
        return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/receipts/" + received.receipt().id())).body(received.receipt());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public Receipt get(@PathVariable UUID id) {
        return service.get(id);
    }
}
