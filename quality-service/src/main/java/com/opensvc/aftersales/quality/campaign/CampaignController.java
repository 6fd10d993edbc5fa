package com.opensvc.aftersales.quality.campaign;

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

/**
 * QLT-08 defect campaigns. Quality launches (→ DefectCampaignLaunched → intake's outreach, INT-17) and closes;
 * quality, management, the directors, customer managers, supervisors and the front desk (which must know a campaign
 * to answer callers) read.
 */
@RestController
@Validated
@RequestMapping("/api/quality/campaigns")
@RequiredArgsConstructor
public class CampaignController {
    private static final String READERS = "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR', "
            + "'GENERAL_MANAGER', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'FRONT_DESK')";

    private final CampaignService service;

    /** @param overdue true: campaigns whose outreach was not reported within their contact window */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<CampaignDetails> search(@RequestParam(required = false) CampaignState state,
                                          @RequestParam(required = false) @Size(max = 100)
                                          @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String productModel,
                                          @RequestParam(required = false) Boolean overdue, Paging paging) {
        return service.search(state, productModel == null || productModel.isBlank() ? null : productModel.strip(),
                overdue, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public CampaignDetails get(@PathVariable UUID id) {
        return service.details(id);
    }

    /** QLT-08: launch a campaign; the same Idempotency-Key answers the same campaign (200) and launches nothing. */
    @PostMapping
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<CampaignDetails> launch(@Valid @RequestBody LaunchCampaignRequest request,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        CampaignService.Launched launched = service.launch(request.normalised(), key, CurrentUser.name());
        if (!launched.created()) {
            return ResponseEntity.ok(launched.campaign());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/campaigns/" + launched.campaign().campaign().id()))
                .body(launched.campaign());
    }

    /** OUTREACH_OPENED → CLOSED (409 before the outreach is reported, or when closed already). */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('QUALITY')")
    public CampaignDetails close(@PathVariable UUID id, @Valid @RequestBody CloseCampaignRequest request) {
        return service.close(id, request, CurrentUser.name());
    }
}
