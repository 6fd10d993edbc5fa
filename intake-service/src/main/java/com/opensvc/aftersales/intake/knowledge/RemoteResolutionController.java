package com.opensvc.aftersales.intake.knowledge;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequiredArgsConstructor
public class RemoteResolutionController {
    private final RemoteResolutionService service;

    /** INT-09: solved on the phone; REGISTERED → RESOLVED_REMOTELY, otherwise 409 with the current state. */
    @PostMapping("/api/intake/tickets/{id}/resolve-remotely")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public RemoteResolution resolveRemotely(@PathVariable UUID id, @Valid @RequestBody ResolveRemotelyRequest request) {
        return service.resolve(id, request, CurrentUser.name());
    }
}
