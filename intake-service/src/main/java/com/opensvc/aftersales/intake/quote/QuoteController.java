package com.opensvc.aftersales.intake.quote;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-08 quotes. The desk issues a quote and records the customer's answer; a supervisor always approves, a
 * manager too above the limit. Transitions take an optional {@code If-Match} (412 when the quote changed).
 */
@RestController
@Validated
@RequiredArgsConstructor
public class QuoteController {
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'FINANCE', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER')";

    private final QuoteService service;

    @PostMapping("/api/intake/tickets/{ticketId}/quotes")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public ResponseEntity<Quote> issue(@PathVariable UUID ticketId, @Valid @RequestBody IssueQuoteRequest request,
                                       @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        QuoteService.Issued issued = service.issue(ticketId, request, idempotencyKey, CurrentUser.name());
        Quote quote = issued.quote();
        return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/quotes/" + quote.id()))
                .eTag(IfMatch.etag(quote.version()))
                .body(quote);
    }

    @GetMapping("/api/intake/tickets/{ticketId}/quotes")
    @PreAuthorize(READERS)
    public List<Quote> forTicket(@PathVariable UUID ticketId) {
        return service.forTicket(ticketId);
    }

    @GetMapping("/api/intake/quotes/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<Quote> get(@PathVariable UUID id) {
        return withETag(service.get(id));
    }

    @PostMapping("/api/intake/quotes/{id}/customer-acceptance")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER')")
    public ResponseEntity<Quote> customerAccepted(@PathVariable UUID id, @Valid @RequestBody CustomerAnswer answer,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(service.customerAccepted(id, answer, IfMatch.optionalExpectedVersion(ifMatch), CurrentUser.name()));
    }

    @PostMapping("/api/intake/quotes/{id}/decline")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER')")
    public ResponseEntity<Quote> customerDeclined(@PathVariable UUID id, @Valid @RequestBody CustomerAnswer answer,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(service.customerDeclined(id, answer, IfMatch.optionalExpectedVersion(ifMatch), CurrentUser.name()));
    }

    @PostMapping("/api/intake/quotes/{id}/supervisor-approval")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<Quote> supervisorApproved(@PathVariable UUID id,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(service.supervisorApproved(id, IfMatch.optionalExpectedVersion(ifMatch), CurrentUser.name()));
    }

    @PostMapping("/api/intake/quotes/{id}/manager-approval")
    @PreAuthorize("hasRole('MANAGER')")
    public ResponseEntity<Quote> managerApproved(@PathVariable UUID id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return withETag(service.managerApproved(id, IfMatch.optionalExpectedVersion(ifMatch), CurrentUser.name()));
    }

    private static ResponseEntity<Quote> withETag(Quote quote) {
        return ResponseEntity.ok().eTag(IfMatch.etag(quote.version())).body(quote);
    }
}
