package com.opensvc.aftersales.dispatch.appointment;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.dispatch.appointment.AppointmentService.AppointmentView;
import com.opensvc.aftersales.dispatch.appointment.AppointmentService.Caller;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-04: the appointment window of a work order, confirmed with the customer by its technician (SEC-02: only the
 * assigned one) or a supervisor on their behalf; each change records who asked and why. A technician who will be late
 * tells the customer ({@code late-notice}) or hands the order back for reassignment ({@code POST …/hand-back}).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders/{id}")
@RequiredArgsConstructor
public class AppointmentController {
    /** The roles that read any order's appointment; a caller with none of them is a technician reading their own. */
    private static final Set<String> READERS = Set.of("SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR", "CUSTOMER_MANAGER",
            "FRONT_DESK");
    private final AppointmentService service;

    /** The first window; {@code confirmedWith}: who at the customer agreed (optional, personal data). */
    public record ConfirmRequest(@NotNull Instant windowStart, @NotNull Instant windowEnd,
                                 @Size(max = 200) String confirmedWith, @Size(max = 2000) String note) {
    }

    /** A change of the current window: who asked for it and why (both required). */
    public record ChangeRequest(@NotNull Instant windowStart, @NotNull Instant windowEnd,
                                @NotNull RequestedBy requestedBy, @NotBlank @Size(max = 1000) String reason,
                                @Size(max = 200) String confirmedWith, @Size(max = 2000) String note) {
    }

    /** The customer must have been told: {@code customerInformed} is true, or the order is handed back instead. */
    public record LateNoticeRequest(@NotNull Instant expectedArrival, @NotBlank @Size(max = 1000) String reason,
                                    @NotNull @AssertTrue(message = "must be true: tell the customer, or hand the order back (POST …/hand-back)")
                                    Boolean customerInformed) {
    }

    @PostMapping("/appointment")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public AppointmentView confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmRequest request) {
        return service.confirm(id, request.windowStart(), request.windowEnd(), request.confirmedWith(), request.note(),
                caller());
    }

    @PutMapping("/appointment")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public AppointmentView change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
        return service.change(id, request.windowStart(), request.windowEnd(), request.requestedBy(), request.reason(),
                request.confirmedWith(), request.note(), caller());
    }

    /** The current window (null when none counts) and every version, newest first ({@code changes}, paged). */
    @GetMapping("/appointment")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'CUSTOMER_MANAGER', 'FRONT_DESK')")
    public AppointmentView appointment(@PathVariable UUID id, Paging paging) {
        return service.view(id, reader(), paging);
    }

    @PostMapping("/late-notice")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR')")
    public LateNotice lateNotice(@PathVariable UUID id, @Valid @RequestBody LateNoticeRequest request) {
        return service.lateNotice(id, request.expectedArrival(), request.reason(), caller());
    }

    @GetMapping("/late-notices")
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'CUSTOMER_MANAGER', 'FRONT_DESK')")
    public PageOf<LateNotice> lateNotices(@PathVariable UUID id, Paging paging) {
        return service.lateNotices(id, reader(), paging);
    }

    /** A supervisor acts on the technician's behalf; anyone else who changes must be the assigned technician. */
    private static Caller caller() {
        return new Caller(CurrentUser.name(), CurrentUser.hasRole("SUPERVISOR"));
    }

    /** A reader holding none of {@link #READERS} is a technician: limited to their own orders (SEC-02). */
    private static Caller reader() {
        return new Caller(CurrentUser.name(), CurrentUser.roles().stream().anyMatch(READERS::contains));
    }
}
