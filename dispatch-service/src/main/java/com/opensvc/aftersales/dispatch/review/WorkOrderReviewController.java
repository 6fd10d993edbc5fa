package com.opensvc.aftersales.dispatch.review;

import java.util.List;
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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-26: review and lock of finished work orders. Submitted by the technician who did it or a supervisor; reviewed
 * (locked or returned as faulty) by a supervisor; unlocked only by the service director, with a reason.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class WorkOrderReviewController {
    private static final String BASE = "/api/dispatch/work-orders/{id}/review";

    private final WorkOrderReviewService service;

    public record SubmissionRequest(@Size(max = 4000) String correction) {
    }

    public record ReturnRequest(@NotNull @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasons) {
    }

    public record LockRequest(@Size(max = 1000) String note) {
    }

    public record UnlockRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    @GetMapping(BASE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'TECHNICIAN')")
    public WorkOrderReviewView review(@PathVariable UUID id) {
        return service.view(id, CurrentUser.name(), onlyTechnician());
    }

    @PostMapping(BASE + "/submission")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public WorkOrderReviewView submit(@PathVariable UUID id,
                                      @Valid @RequestBody(required = false) SubmissionRequest request) {
        return service.submit(id, request == null ? null : request.correction(), CurrentUser.name(),
                CurrentUser.hasRole("SUPERVISOR"));
    }

    @PostMapping(BASE + "/return")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public WorkOrderReviewView returnFaulty(@PathVariable UUID id, @Valid @RequestBody ReturnRequest request) {
        return service.review(id, WorkOrderReviewService.Outcome.RETURN_FAULTY, request.reasons(), CurrentUser.name());
    }

    @PostMapping(BASE + "/lock")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public WorkOrderReviewView lock(@PathVariable UUID id, @Valid @RequestBody(required = false) LockRequest request) {
        List<String> note = request == null || request.note() == null || request.note().isBlank() ? List.of()
                : List.of(request.note());
        return service.review(id, WorkOrderReviewService.Outcome.LOCK, note, CurrentUser.name());
    }

    /** Unlocking is not the reviewer's: only the service director, with a reason. */
    @PostMapping(BASE + "/unlock")
    @PreAuthorize("hasRole('SERVICE_DIRECTOR')")
    public WorkOrderReviewView unlock(@PathVariable UUID id, @Valid @RequestBody UnlockRequest request) {
        return service.unlock(id, request.reason(), CurrentUser.name());
    }

    /** The year-end assessment: faulty work orders per technician in a year (default: this year). */
    @GetMapping("/api/dispatch/review-faults")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    public WorkOrderReviewService.FaultyCounts faults(@RequestParam(required = false) @Min(2000) @Max(2999) Integer year) {
        return service.faultyCounts(year);
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER")
                && !CurrentUser.hasRole("SERVICE_DIRECTOR");
    }
}
