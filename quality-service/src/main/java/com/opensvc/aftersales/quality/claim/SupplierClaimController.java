package com.opensvc.aftersales.quality.claim;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-09 supplier claims and the purchased components they name. There is no purchasing role: quality or a manager
 * records what purchasing did (submitted, the supplier's decision, the settlement, closing); quality, management,
 * finance and the technical director and general manager read.
 */
@RestController
@Validated
@RequestMapping("/api/quality")
@RequiredArgsConstructor
public class SupplierClaimController {
    static final String CLAIM_READERS =
            "hasAnyRole('QUALITY', 'MANAGER', 'FINANCE', 'TECHNICAL_DIRECTOR', 'GENERAL_MANAGER')";
    static final String COMPONENT_READERS = "hasAnyRole('QUALITY', 'MANAGER', 'FINANCE', 'TECHNICAL_DIRECTOR')";
    static final String CLAIM_WRITERS = "hasAnyRole('QUALITY', 'MANAGER')";
    /** A part number: letters, digits and . _ / - (no blanks at either end). */
    static final String PART_NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,99}";

    private final SupplierClaimService service;
    private final SupplierClaimRepository claims;
    private final PurchasedComponentRepository components;

    @PutMapping("/purchased-components/{partNumber}")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<PurchasedComponent> putComponent(
            @PathVariable @Pattern(regexp = PART_NUMBER, message = "must be a part number (letters, digits, . _ / -)") String partNumber,
            @Valid @RequestBody ClaimRequests.ComponentRequest request,
            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        PurchasedComponent component = service.putComponent(partNumber, request,
                IfMatch.optionalExpectedVersion(ifMatch), CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(component.version())).body(component);
    }

    @GetMapping("/purchased-components")
    @PreAuthorize(COMPONENT_READERS)
    public PageOf<PurchasedComponent> components(@RequestParam(required = false) @Size(max = 200) String supplier,
                                                 Paging paging) {
        return components.search(supplier, paging);
    }

    @GetMapping("/supplier-claims")
    @PreAuthorize(CLAIM_READERS)
    public PageOf<SupplierClaim> search(@RequestParam(required = false) SupplierClaimState state,
                                        @RequestParam(required = false) @Size(max = 200) String supplier,
                                        @RequestParam(required = false) @Size(max = 100) String partNumber,
                                        Paging paging) {
        return claims.search(state, supplier, partNumber, paging);
    }

    @GetMapping("/supplier-claims/{id}")
    @PreAuthorize(CLAIM_READERS)
    public SupplierClaimDetails get(@PathVariable UUID id) {
        return service.details(id);
    }

    /** A claim raised by hand for a defect record and the part that caused it (an existing one answers 200). */
    @PostMapping("/supplier-claims")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<SupplierClaimDetails> raise(@Valid @RequestBody ClaimRequests.RaiseRequest request) {
        SupplierClaimService.Raised raised = service.raiseByHand(request, CurrentUser.name());
        if (!raised.created()) {
            return ResponseEntity.ok(raised.claim());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/supplier-claims/" + raised.claim().claim().id()))
                .body(raised.claim());
    }

    /** OPEN → SUBMITTED. */
    @PostMapping("/supplier-claims/{id}/submission")
    @PreAuthorize(CLAIM_WRITERS)
    public SupplierClaimDetails submit(@PathVariable UUID id,
                                       @Valid @RequestBody ClaimRequests.SubmissionRequest request) {
        return service.submit(id, request.reference(), CurrentUser.name());
    }

    /** SUBMITTED → ACCEPTED | REJECTED. */
    @PostMapping("/supplier-claims/{id}/decision")
    @PreAuthorize(CLAIM_WRITERS)
    public SupplierClaimDetails decide(@PathVariable UUID id,
                                       @Valid @RequestBody ClaimRequests.DecisionRequest request) {
        return service.decide(id, request.accepted(), request.note(), CurrentUser.name());
    }

    /** ACCEPTED → SETTLED (SupplierClaimSettled). */
    @PostMapping("/supplier-claims/{id}/settlement")
    @PreAuthorize(CLAIM_WRITERS)
    public SupplierClaimDetails settle(@PathVariable UUID id,
                                       @Valid @RequestBody ClaimRequests.SettlementRequest request) {
        return service.settle(id, request.recoveredAmount(), request.currency(), CurrentUser.name());
    }

    /** NEEDS_SUPPLIER, OPEN, ACCEPTED or REJECTED → CLOSED. */
    @PostMapping("/supplier-claims/{id}/close")
    @PreAuthorize(CLAIM_WRITERS)
    public SupplierClaimDetails close(@PathVariable UUID id, @Valid @RequestBody ClaimRequests.CloseRequest request) {
        return service.close(id, request.note(), CurrentUser.name());
    }
}
