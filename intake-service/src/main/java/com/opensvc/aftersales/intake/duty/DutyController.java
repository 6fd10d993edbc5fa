package com.opensvc.aftersales.intake.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** INT-22: the standing main and backup per complaint step, and absences that move work to the backup. */
@RestController
@Validated
@RequestMapping("/api/intake/duty")
@RequiredArgsConstructor
public class DutyController {
    /** The complaint process's steps (spelled out: duty does not depend on the complaint feature). */
    private static final String STEPS = "VALIDITY|REJECTION_CONFIRMATION|OPINION|PLAN_APPROVAL|REVIEW|GM_APPROVAL|EXECUTION|FORM_RETURN|ON_SITE_VISIT";

    private final DutyService duty;

    public record RosterRequest(@NotBlank @Size(max = 100) String mainPerson, @Size(max = 100) String backupPerson) {
    }

    public record AbsenceRequest(@NotBlank @Size(max = 100) String person, @NotNull LocalDate from, @NotNull LocalDate to,
                                 @Size(max = 500) String reason) {
    }

    @PutMapping("/roster/{step}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'ADMIN')")
    public List<DutyRepository.RosterEntry> setRoster(
            @PathVariable @Pattern(regexp = STEPS, message = "must be a complaint step") String step,
            @Valid @RequestBody RosterRequest request) {
        String backup = request.backupPerson() == null || request.backupPerson().isBlank() ? null : request.backupPerson().trim();
        return duty.setRoster(step, request.mainPerson().trim(), backup, CurrentUser.name());
    }

    /** The step has no standing main and backup any more: anyone with its role takes new work. */
    @DeleteMapping("/roster/{step}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'ADMIN')")
    public List<DutyRepository.RosterEntry> clearRoster(
            @PathVariable @Pattern(regexp = STEPS, message = "must be a complaint step") String step) {
        return duty.clearRoster(step);
    }

    @GetMapping("/roster")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER', 'ADMIN')")
    public List<DutyRepository.RosterEntry> roster() {
        return duty.roster();
    }

    /** Anyone may mark their own absence; supervisors and managers mark anyone's. */
    @PostMapping("/absences")
    @PreAuthorize("isAuthenticated()")
    public Map<String, UUID> addAbsence(@Valid @RequestBody AbsenceRequest request) {
        boolean own = request.person().trim().equals(CurrentUser.name());
        if (!own && !(CurrentUser.hasRole("SUPERVISOR") || CurrentUser.hasRole("MANAGER") || CurrentUser.hasRole("ADMIN"))) {
            throw new ForbiddenException("only a supervisor or manager marks someone else's absence");
        }
        return Map.of("id", duty.addAbsence(request.person().trim(), request.from(), request.to(), request.reason(),
                CurrentUser.name()));
    }

    @GetMapping("/absences")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER', 'ADMIN')")
    public List<DutyRepository.Absence> absences() {
        return duty.absences();
    }

    /** The person is back: the absence ends now (the record stays, marked ended). */
    @PostMapping("/absences/{id}/end")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    public void endAbsence(@PathVariable UUID id) {
        duty.endAbsence(id, CurrentUser.name());
    }
}
