package com.opensvc.aftersales.intake.pending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-14 pending items: the customer manager proposes, a manager (or the general manager in charge) approves or
 * declines, the customer manager or supervisor resumes; the ledger and its monthly contact round.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class PendingController {
    static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER')";
    static final String LEDGER_READERS = "hasAnyRole('CUSTOMER_MANAGER', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'GENERAL_MANAGER')";
    static final String APPROVERS = "hasAnyRole('MANAGER', 'GENERAL_MANAGER')";

    private final PendingService service;
    private final PendingLedger ledger;

    public record ProposalRequest(@NotNull PendingReason reason, @NotBlank @Size(max = 2000) String explanation,
                                  @NotNull LocalDate customerDate) {
    }

    public record DeclineRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record ResumeRequest(@Size(max = 1000) String note) {
    }

    public record ContactRequest(@NotNull UUID customerId,
                                 @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month such as 2026-11") String roundMonth,
                                 @NotBlank @Size(max = 2000) String outcome, LocalDate nextArrangedOn,
                                 Instant contactedAt) {
    }

    @PostMapping("/api/intake/tickets/{id}/pending-proposals")
    @PreAuthorize("hasRole('CUSTOMER_MANAGER')")
    public ResponseEntity<PendingItem> propose(@PathVariable UUID id, @Valid @RequestBody ProposalRequest request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey) {
        PendingService.Proposed proposed = service.propose(id,
                new PendingService.Proposal(request.reason(), request.explanation(), request.customerDate()),
                idempotencyKey, CurrentUser.name());
        PendingItem item = proposed.item();
        return ResponseEntity.status(proposed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/intake/tickets/" + id + "/pending-proposals/" + item.id()))
                .eTag(IfMatch.etag(item.version())).body(item);
    }

    @GetMapping("/api/intake/tickets/{id}/pending-proposals/{proposalId}")
    @PreAuthorize(READERS)
    public ResponseEntity<PendingItem> proposal(@PathVariable UUID id, @PathVariable UUID proposalId) {
        PendingItem item = service.get(id, proposalId);
        return ResponseEntity.ok().eTag(IfMatch.etag(item.version())).body(item);
    }

    /** Four eyes: the proposer cannot approve; {@code If-Match} (optional) guards against a proposal changed meanwhile. */
    @PostMapping("/api/intake/tickets/{id}/pending-proposals/{proposalId}/approve")
    @PreAuthorize(APPROVERS)
    public ResponseEntity<PendingItem> approve(@PathVariable UUID id, @PathVariable UUID proposalId,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        PendingItem item = service.approve(id, proposalId, expectedVersion(ifMatch), CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(item.version())).body(item);
    }

    @PostMapping("/api/intake/tickets/{id}/pending-proposals/{proposalId}/decline")
    @PreAuthorize(APPROVERS)
    public ResponseEntity<PendingItem> decline(@PathVariable UUID id, @PathVariable UUID proposalId,
                                               @Valid @RequestBody DeclineRequest request,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        PendingItem item = service.decline(id, proposalId, request.reason(), expectedVersion(ifMatch), CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(item.version())).body(item);
    }

    @PostMapping("/api/intake/tickets/{id}/resume")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR')")
    public PendingItem resume(@PathVariable UUID id, @Valid @RequestBody(required = false) ResumeRequest request) {
        return service.resume(id, request == null ? null : request.note(), CurrentUser.name());
    }

    /** The ticket's pending deadline ({@code pendingUntil}), running pause and all its proposals. */
    @GetMapping("/api/intake/tickets/{id}/pending")
    @PreAuthorize(READERS)
    public PendingService.TicketPendingStatus status(@PathVariable UUID id) {
        return service.status(id);
    }

    @GetMapping("/api/intake/pending-items")
    @PreAuthorize(LEDGER_READERS)
    public PageOf<LedgerEntry> ledger(@RequestParam(required = false) String month,
                                      @RequestParam(required = false) LedgerState state,
                                      @RequestParam(required = false) @Size(max = 200) String customerManager,
                                      Paging paging) {
        return ledger.page(month(month), state, customerManager, paging);
    }

    @GetMapping("/api/intake/pending-items.csv")
    @PreAuthorize(LEDGER_READERS)
    public ResponseEntity<byte[]> ledgerCsv(@RequestParam(required = false) String month,
                                            @RequestParam(required = false) LedgerState state,
                                            @RequestParam(required = false) @Size(max = 200) String customerManager)
            throws IOException {
        YearMonth ledgerMonth = month(month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ledger.writeCsv(ledgerMonth, state, customerManager, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("pending-items-" + ledgerMonth + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }

    /** The round due by the 4th of {@code month}: every customer on the previous month's ledger. */
    @GetMapping("/api/intake/pending-items/contact-round")
    @PreAuthorize(LEDGER_READERS)
    public PendingLedger.Round round(@RequestParam(required = false) String month) {
        return ledger.round(month(month));
    }

    @GetMapping("/api/intake/pending-items/contact-round/overdue")
    @PreAuthorize(LEDGER_READERS)
    public List<PendingLedger.OverdueRound> overdueRounds() {
        return ledger.overdueRounds();
    }

    /** Idempotent per (round, customer): 201 for the round's first contact, 200 when a later one updates it. */
    @PostMapping("/api/intake/pending-items/contact-round/contacts")
    @PreAuthorize("hasRole('CUSTOMER_MANAGER')")
    public ResponseEntity<RoundContact> contact(@Valid @RequestBody ContactRequest request) {
        PendingLedger.Recorded recorded = ledger.recordContact(new PendingLedger.ContactRequest(request.customerId(),
                Months.parse("roundMonth", request.roundMonth()), request.outcome(), request.nextArrangedOn(),
                request.contactedAt()), CurrentUser.name());
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.contact());
    }

    private YearMonth month(String month) {
        return month == null ? ledger.currentMonth() : Months.parse("month", month);
    }

    private static Integer expectedVersion(String ifMatch) {
        return ifMatch == null ? null : IfMatch.expectedVersion(ifMatch);
    }
}
