package com.opensvc.aftersales.quality.improvement;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05 improvement reports. Quality opens (by hand, for an alert), analyses, assigns actions (which issues the
 * report), verifies (never the analyst: four eyes, else 403) and closes; a manager may close too. Quality, management
 * and the directors and customer managers read.
 */
@RestController
@Validated
@RequestMapping("/api/quality/improvement-reports")
@RequiredArgsConstructor
public class ImprovementReportController {
    private static final String READERS =
            "hasAnyRole('QUALITY', 'MANAGER', 'SERVICE_DIRECTOR', 'TECHNICAL_DIRECTOR', 'CUSTOMER_MANAGER')";

    private final ImprovementReportService service;
    private final ImprovementReportRepository reports;

    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<ImprovementReport> search(@RequestParam(required = false) ImprovementReportState state,
                                            @RequestParam(required = false) UUID ticketId, Paging paging) {
        return reports.search(state, ticketId, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ImprovementReportDetails get(@PathVariable UUID id) {
        return service.details(id);
    }

    /** QLT-05: a report opened by hand, for an alert. */
    @PostMapping
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<ImprovementReportDetails> open(@Valid @RequestBody OpenReportRequest request,
                                                         @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        ImprovementReportService.Opened opened = service.open(request, key, CurrentUser.name());
        if (!opened.created()) {
            return ResponseEntity.ok(opened.report());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/improvement-reports/" + opened.report().report().id()))
                .body(opened.report());
    }

    /** OPEN → ANALYSED. */
    @PostMapping("/{id}/analysis")
    @PreAuthorize("hasRole('QUALITY')")
    public ImprovementReportDetails analyse(@PathVariable UUID id, @Valid @RequestBody AnalysisRequest analysis) {
        return service.analyse(id, analysis, CurrentUser.name());
    }

    /** ANALYSED → ACTIONS_ASSIGNED: the report is issued (ImprovementReportIssued). */
    @PostMapping("/{id}/actions")
    @PreAuthorize("hasRole('QUALITY')")
    public ImprovementReportDetails assignActions(@PathVariable UUID id, @Valid @RequestBody ActionPlanRequest plan) {
        return service.assignActions(id, plan, CurrentUser.name());
    }

    /** ACTIONS_ASSIGNED → VERIFIED (effective) or a new round of actions needed (ineffective). */
    @PostMapping("/{id}/verification")
    @PreAuthorize("hasRole('QUALITY')")
    public ImprovementReportDetails verify(@PathVariable UUID id, @Valid @RequestBody VerificationRequest verification) {
        return service.verify(id, verification, CurrentUser.name());
    }

    /** QLT-05: one report per alert — opening a second for the same alert is refused, naming the first. */
    @ExceptionHandler(ImprovementReportService.AlertHasReport.class)
    ResponseEntity<ProblemDetail> alertHasReport(ImprovementReportService.AlertHasReport ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("The alert has its improvement report");
        problem.setProperty("reportId", ex.reportId().toString());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .location(URI.create("/api/quality/improvement-reports/" + ex.reportId())).body(problem);
    }

    /** VERIFIED → CLOSED. */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('QUALITY', 'MANAGER')")
    public ImprovementReportDetails close(@PathVariable UUID id) {
        return service.close(id, CurrentUser.name());
    }
}
