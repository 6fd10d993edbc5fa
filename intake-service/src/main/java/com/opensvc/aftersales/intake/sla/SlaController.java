package com.opensvc.aftersales.intake.sla;

import java.time.Instant;
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
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** The supervisors' view of deadlines (SLA-06) and the two facts the desk records for them (SLA-02, SLA-03). */
@RestController
@Validated
@RequiredArgsConstructor
public class SlaController {
    private static final String SUPERVISORS = "hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'CUSTOMER_MANAGER', 'GENERAL_MANAGER')";

    private final SlaClocks clocks;

    public record FirstResponse(@NotBlank @Size(max = 2000) String summary) {
    }

    /** Open deadlines by due time; {@code dueBefore} narrows to what falls due soon. */
    @GetMapping("/api/intake/sla/clocks")
    @PreAuthorize(SUPERVISORS)
    public PageOf<SlaClock> open(@RequestParam(required = false) ClockKind kind,
                                 @RequestParam(required = false) Instant dueBefore,
                                 @Paging.DefaultSize(50) Paging paging) {
        return clocks.open(kind, dueBefore, paging);
    }

    /** Breached deadlines, newest first, by escalation level. */
    @GetMapping("/api/intake/sla/breaches")
    @PreAuthorize(SUPERVISORS)
    public PageOf<SlaClock> breaches(@RequestParam(required = false) Integer level,
                                     @Paging.DefaultSize(50) Paging paging) {
        return clocks.breached(level, paging);
    }

    /** A ticket's clock history. */
    @GetMapping("/api/intake/tickets/{id}/clocks")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER')")
    public List<SlaClock> ofTicket(@PathVariable UUID id) {
        return clocks.ofTicket(id);
    }

    /** The caller's reminders of the last week: addressed to them, or to one of their roles when nobody was named. */
    @GetMapping("/api/intake/sla/reminders")
    @PreAuthorize("isAuthenticated()")
    public List<SlaClockRepository.Reminder> myReminders() {
        return clocks.remindersFor(CurrentUser.name(), CurrentUser.roles());
    }

    /** SLA-02: the desk has answered the customer for the first time. */
    @PostMapping("/api/intake/tickets/{id}/first-response")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR')")
    public List<SlaClock> firstResponse(@PathVariable UUID id, @Valid @RequestBody FirstResponse request) {
        return clocks.firstResponse(id, request.summary(), CurrentUser.name());
    }

    /** SLA-03: the customer could not be reached in the first 24 h; the opinion is due within 48 h. */
    @PostMapping("/api/intake/tickets/{id}/customer-unreachable")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR')")
    public List<SlaClock> customerUnreachable(@PathVariable UUID id) {
        return clocks.customerUnreachable(id, CurrentUser.name());
    }
}
