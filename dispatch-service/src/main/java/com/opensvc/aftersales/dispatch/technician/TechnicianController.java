package com.opensvc.aftersales.dispatch.technician;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** DSP-02, INT-22, SEC-05: the supervisor manages the technicians; a technician reads their own record. */
@RestController
@Validated
@RequestMapping("/api/dispatch/technicians")
@RequiredArgsConstructor
public class TechnicianController {
    private final Technicians technicians;

    public record CreateTechnician(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a login (letters, digits, . _ @ -)") String login,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> productLines,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> regions,
            @NotNull @Positive Integer dailyCapacity, WorkingStatus workingStatus,
            @NotBlank @Size(max = 100) String homeStore, @Size(max = 100) String defaultBackup) {

        TechnicianInput input() {
            return new TechnicianInput(name, productLines, regions, dailyCapacity, workingStatus, homeStore,
                    defaultBackup);
        }
    }

    public record ReplaceTechnician(@NotBlank @Size(max = 200) String name,
                                    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> productLines,
                                    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> regions,
                                    @NotNull @Positive Integer dailyCapacity, @NotNull WorkingStatus workingStatus,
                                    @NotBlank @Size(max = 100) String homeStore,
                                    @Size(max = 100) String defaultBackup) {

        TechnicianInput input() {
            return new TechnicianInput(name, productLines, regions, dailyCapacity, workingStatus, homeStore,
                    defaultBackup);
        }
    }

    public record PatchTechnician(@Size(min = 1, max = 200) String name,
                                  @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> productLines,
                                  @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> regions,
                                  @Positive Integer dailyCapacity, WorkingStatus workingStatus,
                                  @Size(min = 1, max = 100) String homeStore,
                                  @Size(min = 1, max = 100) String defaultBackup) {

        TechnicianInput input() {
            return new TechnicianInput(name, productLines, regions, dailyCapacity, workingStatus, homeStore,
                    defaultBackup);
        }
    }

    public record Retirement(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<TechnicianView> create(@Valid @RequestBody CreateTechnician request) {
        TechnicianView created = technicians.create(request.login(), request.input(), CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/dispatch/technicians/" + created.login()))
                .eTag(IfMatch.etag(created.version())).body(created);
    }

    @PutMapping("/{login}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<TechnicianView> replace(@PathVariable String login,
                                                  @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody ReplaceTechnician request) {
        return withEtag(technicians.change(login, request.input(), true, IfMatch.expectedVersion(ifMatch),
                CurrentUser.name()));
    }

    @PatchMapping("/{login}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<TechnicianView> patch(@PathVariable String login,
                                                @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                @Valid @RequestBody PatchTechnician request) {
        return withEtag(technicians.change(login, request.input(), false, IfMatch.expectedVersion(ifMatch),
                CurrentUser.name()));
    }

    /** SEC-05: a recorded soft delete; the technician is never proposed again. */
    @PostMapping("/{login}/retirement")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<TechnicianView> retire(@PathVariable String login, @Valid @RequestBody Retirement request) {
        return withEtag(technicians.retire(login, request.reason(), CurrentUser.name()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    public PageOf<TechnicianView> search(@RequestParam(required = false) @Size(max = 100) String region,
                                         @RequestParam(required = false) @Size(max = 100) String productLine,
                                         @RequestParam(required = false) WorkingStatus status,
                                         @RequestParam(required = false) Boolean retired, Paging paging) {
        return technicians.search(region, productLine, status, retired, paging);
    }

    @GetMapping("/me")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public ResponseEntity<TechnicianView> me() {
        return withEtag(technicians.get(CurrentUser.name()));
    }

    /** A technician reads only their own record. */
    @GetMapping("/{login}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public ResponseEntity<TechnicianView> get(@PathVariable String login) {
        if (!CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER")
                && !login.equals(CurrentUser.name())) {
            throw new ForbiddenException("a technician reads only their own record");
        }
        return withEtag(technicians.get(login));
    }

    /** SEC-03: every change of the technician with its actor. */
    @GetMapping("/{login}/history")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    public PageOf<TechnicianHistoryLine> history(@PathVariable String login, Paging paging) {
        return technicians.history(login, paging);
    }

    private static ResponseEntity<TechnicianView> withEtag(TechnicianView technician) {
        return ResponseEntity.ok().eTag(IfMatch.etag(technician.version())).body(technician);
    }
}
