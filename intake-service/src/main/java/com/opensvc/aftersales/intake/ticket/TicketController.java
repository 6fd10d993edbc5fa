package com.opensvc.aftersales.intake.ticket;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.ExclusionReason;
import com.opensvc.aftersales.intake.timeline.TimelineEntry;
import com.opensvc.aftersales.intake.timeline.TimelineService;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/intake/tickets")
@RequiredArgsConstructor
public class TicketController {
    static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER')";

    private final TicketService service;
    private final TicketEntitlementService entitlements;
    private final DuplicateTickets duplicates;
    private final TicketListing listing;
    private final TimelineService timeline;

    public record CancelRequest(@Size(max = 1000) String reason) {
    }

    public record ExclusionRequest(@NotNull ExclusionReason reason, @Size(max = 1000) String note) {
    }

    public record OverrideRequest(@NotNull Entitlement entitlement, @NotBlank @Size(max = 1000) String reason) {
    }

    public record InspectionRequest(@NotNull Boolean qualityProblemConfirmed, @NotBlank @Size(max = 2000) String finding) {
    }

    public record MergeRequest(@NotNull UUID intoTicketId) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public ResponseEntity<Ticket> register(@Valid @RequestBody RegisterTicketRequest request,
                                           @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        TicketService.Registration registration = service.register(request, idempotencyKey, CurrentUser.name());
        Ticket ticket = registration.ticket();
        var response = ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/tickets/" + ticket.id())).eTag(IfMatch.etag(ticket.version()));
        if (ticket.links().stream().anyMatch(l -> l.relation() == TicketLink.Relation.DUPLICATE)) {
            // INT-16: warn the desk; the links are in the body
            response.header("Warning", "199 - \"open ticket(s) exist for serial number; see links\"");
        }
        return response.body(ticket);
    }

    /** The desk's list: filter by state(s), kind, priority, routing, channel, customer, serial, number, dates. */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<TicketListing.Line> list(@RequestParam(required = false) List<TicketState> state,
                                           @RequestParam(required = false) TicketKind kind,
                                           @RequestParam(required = false) Priority priority,
                                           @RequestParam(required = false) Classification.Route routedTo,
                                           @RequestParam(required = false) Channel channel,
                                           @RequestParam(required = false) UUID customerId,
                                           @RequestParam(required = false) @Size(max = 100) String serialNumber,
                                           @RequestParam(required = false) @Size(max = 20) String number,
                                           @RequestParam(required = false) LocalDate registeredFrom,
                                           @RequestParam(required = false) LocalDate registeredTo,
                                           Paging paging) {
        return listing.list(new TicketListing.Filter(state, kind, priority, routedTo, channel, customerId, serialNumber,
                number, registeredFrom, registeredTo), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<Ticket> get(@PathVariable UUID id) {
        Ticket ticket = service.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(ticket.version())).body(ticket);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public Ticket accept(@PathVariable UUID id) {
        return service.accept(id, CurrentUser.name(), CurrentUser.hasRole("SUPERVISOR"));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    public Ticket cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        return service.cancel(id, request == null ? null : request.reason(), CurrentUser.name());
    }

    /** INT-07: the desk records why the ticket falls back to PAID. */
    @PostMapping("/{id}/entitlement/exclusions")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public Ticket exclude(@PathVariable UUID id, @Valid @RequestBody ExclusionRequest request) {
        return entitlements.exclude(id, request.reason(), request.note(), CurrentUser.name());
    }

    /** INT-07: only a supervisor overrides an entitlement; the override is audited and cannot be deleted. */
    @PostMapping("/{id}/entitlement/override")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Ticket override(@PathVariable UUID id, @Valid @RequestBody OverrideRequest request) {
        return entitlements.override(id, request.entitlement(), request.reason(), CurrentUser.name());
    }

    @GetMapping("/{id}/entitlement/audit")
    @PreAuthorize(READERS)
    public List<EntitlementAuditEntry> entitlementAudit(@PathVariable UUID id) {
        return entitlements.audit(id);
    }

    /** INT-18: the ticket's own changes and other services' events about it, oldest first. */
    @GetMapping("/{id}/timeline")
    @PreAuthorize(READERS)
    public List<TimelineEntry> timeline(@PathVariable UUID id) {
        service.get(id);
        return timeline.of(id);
    }

    /**
     * INT-06: the after-sales engineer's inspection before RETURN or EXCHANGE: the technician assigned to the ticket's
     * work order, or a supervisor (another technician gets 403).
     */
    @PostMapping("/{id}/inspection")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public Ticket inspection(@PathVariable UUID id, @Valid @RequestBody InspectionRequest request) {
        return entitlements.recordInspection(id, request.qualityProblemConfirmed(), request.finding(), CurrentUser.name(),
                CurrentUser.hasRole("SUPERVISOR"));
    }

    /** INT-16: merge this (duplicate) ticket into another open ticket for the same product. */
    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public Ticket merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return duplicates.merge(id, request.intoTicketId(), CurrentUser.name());
    }
}
