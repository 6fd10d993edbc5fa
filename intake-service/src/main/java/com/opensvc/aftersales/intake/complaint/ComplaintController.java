package com.opensvc.aftersales.intake.complaint;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.web.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * The complaint process of a ticket, a step per endpoint. The roles below let a caller in; the service then checks
 * the step's own roles, the conflict of interest (INT-12) and the step's main and backup person (INT-22).
 */
@RestController
@Validated
@RequiredArgsConstructor
public class ComplaintController {
    private static final String BASE = "/api/intake/tickets/{id}/complaint";
    private static final String ACTORS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'GENERAL_MANAGER')";
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'REVISIT_AGENT', 'GENERAL_MANAGER', 'TECHNICAL_DIRECTOR')";

    private final ComplaintService service;

    public record ValidityRequest(@NotNull Boolean valid, @Size(max = 2000) String explanation) {
    }

    public record ConfirmationRequest(@NotNull Boolean confirmed, @Size(max = 2000) String note) {
    }

    public record OpinionRequest(@NotNull ResponsibleDepartment responsibleDepartment,
                                 @Size(max = 100) String responsiblePerson, @NotNull Remedy remedy,
                                 @NotBlank @Size(max = 4000) String opinion, Boolean customerUnreachable) {
    }

    public record ApprovalRequest(@NotNull Boolean approved, @Size(max = 2000) String note) {
    }

    public record ReviewRequest(@NotNull @Pattern(regexp = "AGREED|CONVENED", message = "must be AGREED or CONVENED") String outcome,
                                @Size(max = 4000) String agreedOpinion, ResponsibleDepartment responsibleDepartment,
                                @Size(max = 100) String responsiblePerson, Remedy remedy) {
    }

    public record VisitRequest(@NotBlank @Size(max = 4000) String note) {
    }

    public record PenaltyInput(@NotBlank @Size(max = 100) String person,
                               @NotNull @Pattern(regexp = "WARNING|DEDUCTION|OTHER", message = "must be WARNING, DEDUCTION or OTHER") String kind,
                               @DecimalMin("0.00") BigDecimal amount, @Size(max = 1000) String note,
                               @NotNull Boolean departmentAssessed) {
    }

    public record ExecutionRequest(@NotBlank @Size(max = 4000) String note, @Size(max = 20) List<@Valid PenaltyInput> penalties) {
    }

    public record AssignmentRequest(@Size(max = 100) String mainPerson, @Size(max = 100) String backupPerson) {
    }

    @GetMapping(BASE)
    @PreAuthorize(READERS)
    public Complaint get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping(BASE + "/validity")
    @PreAuthorize(ACTORS)
    public Complaint validity(@PathVariable UUID id, @Valid @RequestBody ValidityRequest request) {
        return service.decideValidity(id, request.valid(), request.explanation(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/rejection-confirmation")
    @PreAuthorize(ACTORS)
    public Complaint confirmRejection(@PathVariable UUID id, @Valid @RequestBody ConfirmationRequest request) {
        return service.confirmRejection(id, request.confirmed(), request.note(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/opinion")
    @PreAuthorize(ACTORS)
    public Complaint opinion(@PathVariable UUID id, @Valid @RequestBody OpinionRequest request) {
        return service.recordOpinion(id, request.responsibleDepartment(), request.responsiblePerson(), request.remedy(),
                request.opinion(), Boolean.TRUE.equals(request.customerUnreachable()), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/plan-approval")
    @PreAuthorize(ACTORS)
    public Complaint planApproval(@PathVariable UUID id, @Valid @RequestBody ApprovalRequest request) {
        return service.approvePlan(id, request.approved(), request.note(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/review")
    @PreAuthorize(ACTORS)
    public Complaint review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return service.review(id, "CONVENED".equals(request.outcome()), request.responsibleDepartment(),
                request.responsiblePerson(), request.remedy(), request.agreedOpinion(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/final-approval")
    @PreAuthorize(ACTORS)
    public Complaint finalApproval(@PathVariable UUID id, @Valid @RequestBody ApprovalRequest request) {
        return service.approveFinal(id, request.approved(), request.note(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/on-site-visit")
    @PreAuthorize(ACTORS)
    public Complaint onSiteVisit(@PathVariable UUID id, @Valid @RequestBody VisitRequest request) {
        return service.recordOnSiteVisit(id, request.note(), CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/execution")
    @PreAuthorize(ACTORS)
    public Complaint execution(@PathVariable UUID id, @Valid @RequestBody ExecutionRequest request) {
        List<Penalty> penalties = request.penalties() == null ? List.of() : request.penalties().stream()
                .map(p -> new Penalty(p.person(), p.kind(), p.amount(), p.note(), p.departmentAssessed()))
                .toList();
        return service.execute(id, request.note(), penalties, CurrentUser.name(), CurrentUser.roles());
    }

    @PostMapping(BASE + "/form-return")
    @PreAuthorize(ACTORS)
    public Complaint formReturn(@PathVariable UUID id) {
        return service.returnForm(id, CurrentUser.name(), CurrentUser.roles());
    }

    /** INT-22: the step's main and backup person for this complaint. */
    @PutMapping(BASE + "/assignments/{step}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public Complaint assign(@PathVariable UUID id, @PathVariable ComplaintStep step,
                            @Valid @RequestBody AssignmentRequest request) {
        return service.assign(id, step, blankToNull(request.mainPerson()), blankToNull(request.backupPerson()),
                CurrentUser.name());
    }

    /** INT-22: the complaints whose current step is the caller's work now (as main, or as backup of someone absent). */
    @GetMapping("/api/intake/complaints/my-work")
    @PreAuthorize(ACTORS)
    public List<Complaint> myWork() {
        return service.workOf(CurrentUser.name(), CurrentUser.roles());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
