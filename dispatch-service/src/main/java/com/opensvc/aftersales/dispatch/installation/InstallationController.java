package com.opensvc.aftersales.dispatch.installation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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

import com.opensvc.aftersales.dispatch.installation.InstallationProject.Category;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.CheckResult;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Notice;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Severity;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.SignerRole;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-11 installation projects: sales' notice (customer manager) or a supervisor; the team (a supervisor and the
 * project's technicians) works the entry review, starts on site, records and signs problems and completes; quality and
 * managers read.
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/installation-projects")
@RequiredArgsConstructor
public class InstallationController {
    private static final String READERS = "hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'TECHNICIAN', 'QUALITY', 'MANAGER')";
    private static final String WORKERS = "hasAnyRole('SUPERVISOR', 'TECHNICIAN')";
    private static final String ITEM = "[A-Z][A-Z0-9_]{0,63}";

    private final InstallationService service;

    public record NoticeRequest(UUID customerId, @NotBlank @Size(max = 200) String customerName,
                                @Size(max = 1000) String site, @NotBlank @Size(max = 100) String productModel,
                                @NotNull @Min(1) @Max(100_000) Integer quantity, @NotNull LocalDate plannedStart,
                                @NotBlank @Size(max = 200) String salesContact, UUID ticketId, UUID workOrderId,
                                @Size(max = 4000) String notes, @Size(max = 2000) String lateNoticeReason) {
    }

    public record TeamRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> technicians) {
    }

    public record CheckRequest(@NotNull CheckResult result, @Size(max = 2000) String note) {
    }

    public record ProblemRequest(@NotBlank @Size(max = 4000) String description, @NotNull Category category,
                                 @NotNull Severity severity) {
    }

    /** {@code signature}: a base64 PNG image; or {@code confirmationCode} — exactly one of the two. */
    public record SignatureRequest(@NotBlank @Size(max = 200) String signedBy, @NotNull SignerRole signerRole,
                                   @Size(max = 700_000) String signature, @Size(max = 64) String confirmationCode) {
    }

    public record ClosureRequest(@NotBlank @Size(max = 4000) String resolution) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR')")
    public ResponseEntity<InstallationProject> create(@Valid @RequestBody NoticeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        var created = service.create(new Notice(request.customerId(), request.customerName(), request.site(),
                request.productModel(), request.quantity(), request.plannedStart(), request.salesContact(),
                request.ticketId(), request.workOrderId(), request.notes(), request.lateNoticeReason()), key, actor());
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/dispatch/installation-projects/" + created.project().id()))
                .body(created.project());
    }

    /** A technician's list holds only the projects they work on (SEC-02). */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<InstallationProject> search(@RequestParam(required = false) ProjectState state, Paging paging) {
        return service.search(state, actor(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public InstallationProject get(@PathVariable UUID id) {
        return service.get(id, actor());
    }

    @PutMapping("/{id}/team")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public InstallationProject team(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
        return service.team(id, request.technicians(), CurrentUser.name());
    }

    @PostMapping("/{id}/entry-review/items/{item}")
    @PreAuthorize(WORKERS)
    public InstallationProject check(@PathVariable UUID id,
                                     @PathVariable @Pattern(regexp = ITEM, message = "must be a checklist item code") String item,
                                     @Valid @RequestBody CheckRequest request) {
        return service.check(id, item, request.result(), request.note(), actor());
    }

    @PostMapping("/{id}/entry-review/items/{item}/recheck")
    @PreAuthorize(WORKERS)
    public InstallationProject recheck(@PathVariable UUID id,
                                       @PathVariable @Pattern(regexp = ITEM, message = "must be a checklist item code") String item,
                                       @Valid @RequestBody CheckRequest request) {
        return service.recheck(id, item, request.result(), request.note(), actor());
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(WORKERS)
    public InstallationProject start(@PathVariable UUID id) {
        return service.start(id, actor());
    }

    @PostMapping("/{id}/problems")
    @PreAuthorize(WORKERS)
    public ResponseEntity<InstallationProject> recordProblem(@PathVariable UUID id,
                                                             @Valid @RequestBody ProblemRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.recordProblem(id, request.description(),
                request.category(), request.severity(), actor()));
    }

    @PostMapping("/{id}/problems/{problemId}/signature")
    @PreAuthorize(WORKERS)
    public InstallationProject sign(@PathVariable UUID id, @PathVariable UUID problemId,
                                    @Valid @RequestBody SignatureRequest request) {
        return service.sign(id, problemId, request.signedBy(), request.signerRole(), request.signature(),
                request.confirmationCode(), actor());
    }

    @PostMapping("/{id}/problems/{problemId}/closure")
    @PreAuthorize(WORKERS)
    public InstallationProject closeProblem(@PathVariable UUID id, @PathVariable UUID problemId,
                                            @Valid @RequestBody ClosureRequest request) {
        return service.closeProblem(id, problemId, request.resolution(), actor());
    }

    @PostMapping("/{id}/completion")
    @PreAuthorize(WORKERS)
    public InstallationProject complete(@PathVariable UUID id) {
        return service.complete(id, actor());
    }

    private static InstallationService.Actor actor() {
        boolean supervisor = CurrentUser.hasRole("SUPERVISOR");
        boolean onlyTechnician = CurrentUser.hasRole("TECHNICIAN") && !supervisor && !CurrentUser.hasRole("MANAGER")
                && !CurrentUser.hasRole("QUALITY") && !CurrentUser.hasRole("CUSTOMER_MANAGER");
        return new InstallationService.Actor(CurrentUser.name(), supervisor, onlyTechnician);
    }
}
