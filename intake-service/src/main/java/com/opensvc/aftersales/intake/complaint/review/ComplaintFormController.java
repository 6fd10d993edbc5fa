package com.opensvc.aftersales.intake.complaint.review;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.intake.complaint.ComplaintStep;
import com.opensvc.aftersales.web.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** INT-26: review and lock of a complaint's finished form, and the faulty forms counted per person and year. */
@RestController
@Validated
@RequiredArgsConstructor
public class ComplaintFormController {
    private static final String BASE = "/api/intake/tickets/{id}/complaint";
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER', 'TECHNICAL_DIRECTOR', 'ADMIN')";

    private final ComplaintFormReviewService service;

    public record SubmissionRequest(@Size(max = 4000) String correction) {
    }

    public record ReviewRequest(@NotNull @Pattern(regexp = "LOCK|RETURN_FAULTY", message = "must be LOCK or RETURN_FAULTY") String outcome,
                                @Size(max = 4000) String reason, @Size(max = 100) String faultyPerson,
                                ComplaintStep faultyStep) {
    }

    public record UnlockRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    @GetMapping(BASE + "/form")
    @PreAuthorize(READERS)
    public ComplaintForm form(@PathVariable UUID id) {
        return service.form(id);
    }

    @PostMapping(BASE + "/review-submission")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'FRONT_DESK')")
    public ComplaintForm submit(@PathVariable UUID id, @Valid @RequestBody(required = false) SubmissionRequest request) {
        return service.submit(id, request == null ? null : request.correction(), CurrentUser.name());
    }

    @PostMapping(BASE + "/form-review")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ComplaintForm review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return service.review(id, ComplaintFormReviewService.Outcome.valueOf(request.outcome()), request.reason(),
                request.faultyPerson(), request.faultyStep(), CurrentUser.name());
    }

    /** Unlocking is not the reviewer's: it needs the service director (or an administrator) and a reason. */
    @PostMapping(BASE + "/unlock")
    @PreAuthorize("hasAnyRole('SERVICE_DIRECTOR', 'ADMIN')")
    public ComplaintForm unlock(@PathVariable UUID id, @Valid @RequestBody UnlockRequest request) {
        return service.unlock(id, request.reason(), CurrentUser.name());
    }

    /** The year-end assessment: faulty complaint forms per person in a year (default: this year). */
    @GetMapping("/api/intake/complaint-forms/faulty-counts")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER')")
    public ComplaintFormReviewService.FaultyCounts faultyCounts(
            @RequestParam(required = false) @Min(2000) @Max(2999) Integer year) {
        return service.faultyCounts(year);
    }
}
