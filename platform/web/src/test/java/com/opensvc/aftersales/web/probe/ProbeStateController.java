package com.opensvc.aftersales.web.probe;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A state change with {@code If-Match} for two roles, and a read without input: what the OpenAPI document shows. */
@RestController
@Validated
@RequestMapping("/api/probe/jobs")
class ProbeStateController {
    static final String CLOSERS = "hasAnyRole('AGENT', 'SUPERVISOR')";

    @PostMapping("/{id}/close")
    @PreAuthorize(CLOSERS)
    Map<String, Object> closeJob(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch) {
        return Map.of("id", id, "state", "CLOSED");
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    Map<String, Object> list() {
        return Map.of("items", java.util.List.of());
    }
}
