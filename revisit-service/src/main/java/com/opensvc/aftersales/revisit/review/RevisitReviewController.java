package com.opensvc.aftersales.revisit.review;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-26: review and lock of finished revisits. Submitted by the agent who recorded it; reviewed (locked or returned
 * as faulty) by a supervisor; unlocked only by the service director, with a reason.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class RevisitReviewController {
    private static final String BASE = "/api/revisit/revisits/{id}/review";

    private final RevisitReviewService service;

    public record SubmissionRequest(@Size(max = 2000) String correction) {
    }

    /** {@code reason} is required to return as faulty, optional (a note) to lock. */
    public record ReviewRequest(@NotNull RevisitReviewService.Outcome outcome, @Size(max = 2000) String reason) {
    }

    public record UnlockRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping(BASE)
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public RevisitReviewView review(@PathVariable UUID id) {
        return service.view(id);
    }

    @PostMapping(BASE + "/submission")
    @PreAuthorize("hasRole('REVISIT_AGENT')")
    public RevisitReviewView submit(@PathVariable UUID id,
                                    @Valid @RequestBody(required = false) SubmissionRequest request) {
        return service.submit(id, request == null ? null : request.correction(), CurrentUser.name());
    }

    @PostMapping(BASE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    public RevisitReviewView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return service.review(id, request.outcome(), request.reason(), CurrentUser.name());
    }

    /** Unlocking is not the reviewer's: only the service director, with a reason. */
    @PostMapping(BASE + "/unlock")
    @PreAuthorize("hasRole('SERVICE_DIRECTOR')")
    public RevisitReviewView unlock(@PathVariable UUID id, @Valid @RequestBody UnlockRequest request) {
        return service.unlock(id, request.reason(), CurrentUser.name());
    }

    /** The year-end assessment: faulty revisits per recording agent in a year (default: this year, company zone). */
    @GetMapping("/api/revisit/review-faults")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<RevisitReviewService.AgentFaults> faults(
            @RequestParam(required = false) @Min(2000) @Max(2999) Integer year, Paging paging) {
        return service.faultyCounts(year, paging);
    }
}
