package com.opensvc.aftersales.intake.caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import lombok.RequiredArgsConstructor;

/**
 * INT-24: an incoming call's number in, the caller's history out. The number travels in the body, not the URL, so
 * it never lands in access logs or the gateway's request logs (SEC-04).
 */
@RestController
@Validated
@RequiredArgsConstructor
public class CallerLookupController {
    private final CallerLookupService service;

    public record LookupRequest(@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,30}", message = "must be a phone number") String phone) {
        @Override
        public String toString() {
            return "LookupRequest[phone=***]";
        }
    }

    @PostMapping("/api/intake/caller-lookup")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'REVISIT_AGENT')")
    public CallerHistory lookup(@Valid @RequestBody LookupRequest request) {
        return service.lookup(request.phone());
    }
}
