package com.opensvc.aftersales.intake.ticket;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

@RestController
@RequestMapping("/api/intake/tickets")
public class TicketController {
    private final TicketService service;

    public TicketController(TicketService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public ResponseEntity<Ticket> register(@Valid @RequestBody RegisterTicketRequest request,
                                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        TicketService.Registration registration = service.register(request, idempotencyKey, CurrentUser.name());
        Ticket ticket = registration.ticket();
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/tickets/" + ticket.id()))
                .body(ticket);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER')")
    public Ticket get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public Ticket accept(@PathVariable UUID id) {
        return service.accept(id, CurrentUser.name());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    public Ticket cancel(@PathVariable UUID id) {
        return service.cancel(id, CurrentUser.name());
    }
}
