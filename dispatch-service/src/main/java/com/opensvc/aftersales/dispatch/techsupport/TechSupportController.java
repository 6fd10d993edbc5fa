package com.opensvc.aftersales.dispatch.techsupport;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-06, INT-23: engineering's queue of technical support requests. Engineering is the technical director's
 * department (SEC-01 {@code TECHNICAL_DIRECTOR}): only it answers or closes a request; the after-sales supervisor
 * follows the queue; the technician who asked reads their own request (SEC-02).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/tech-support-requests")
@RequiredArgsConstructor
public class TechSupportController {
    private final TechSupportService service;

    @GetMapping
    @PreAuthorize("hasAnyRole('TECHNICAL_DIRECTOR', 'SUPERVISOR')")
    public PageOf<TechSupportRequest> search(@RequestParam(required = false) TechSupportState state,
                                             @RequestParam(required = false) TechSupportSource source,
                                             @RequestParam(required = false) UUID ticketId,
                                             @RequestParam(required = false) UUID workOrderId, Paging paging) {
        return service.search(state, source, ticketId, workOrderId, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('TECHNICAL_DIRECTOR', 'SUPERVISOR', 'TECHNICIAN')")
    public ResponseEntity<TechSupportRequest> get(@PathVariable UUID id) {
        boolean onlyTechnician = CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("TECHNICAL_DIRECTOR")
                && !CurrentUser.hasRole("SUPERVISOR");
        return withEtag(onlyTechnician ? service.getAsTechnician(id, CurrentUser.name()) : service.get(id));
    }

    /**
     * @param partsNeeded what the follow-up visit needs; dispatch requests them for the assigned technician (DSP-03).
     *                    A technical question (no work order) records them with the answer only.
     */
    public record SolutionRequest(@NotBlank @Size(max = 8000) String solution,
                                  @Size(max = 50) List<@Valid PartNeeded> partsNeeded) {
        List<PartLine> parts() {
            return partsNeeded == null ? List.of()
                    : partsNeeded.stream().map(p -> new PartLine(p.partNumber(), p.quantity())).toList();
        }
    }

    public record PartNeeded(@NotBlank @Size(max = 64) String partNumber,
                             @Min(1) @Max(999) int quantity) {
    }

    @PostMapping("/{id}/solution")
    @PreAuthorize("hasRole('TECHNICAL_DIRECTOR')")
    public ResponseEntity<TechSupportRequest> solve(@PathVariable UUID id,
                                                    @Valid @RequestBody SolutionRequest request) {
        return withEtag(service.solve(id, request.solution(), request.parts(), CurrentUser.name()));
    }

    public record CloseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Closed without a solution (withdrawn, duplicate, answered elsewhere), with the reason. */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('TECHNICAL_DIRECTOR')")
    public ResponseEntity<TechSupportRequest> close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        return withEtag(service.close(id, request.reason(), CurrentUser.name()));
    }

    private static ResponseEntity<TechSupportRequest> withEtag(TechSupportRequest request) {
        return ResponseEntity.ok().eTag(IfMatch.etag(request.version())).body(request);
    }
}
