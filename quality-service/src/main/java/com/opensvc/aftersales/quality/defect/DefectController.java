package com.opensvc.aftersales.quality.defect;

import java.time.LocalDate;
import java.util.UUID;

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

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-01, QLT-02 defect records: quality classifies and corrects them (If-Match) and records the analysis of returned
 * products and parts; quality, management, the technical director and the after-sales supervisor read; the overdue
 * analyses are listed for quality, management and the technical director.
 */
@RestController
@Validated
@RequestMapping("/api/quality/defects")
@RequiredArgsConstructor
public class DefectController {
    private static final String READERS = "hasAnyRole('QUALITY', 'MANAGER', 'SUPERVISOR', 'TECHNICAL_DIRECTOR')";

    private final DefectService defects;

    /** from/to: the days (company zone, inclusive) on which the failures were reported. */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<Defect> search(@RequestParam(required = false) UUID ticketId,
                                 @RequestParam(required = false) @Size(max = 200) String productModel,
                                 @RequestParam(required = false) @Size(max = 200) String failureMode,
                                 @RequestParam(required = false) DefectState state,
                                 @RequestParam(required = false) DefectSource source,
                                 @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to,
                                 @Paging.DefaultSize(50) Paging paging) {
        return defects.search(ticketId, productModel, failureMode, state, source, from, to, paging);
    }

    /** QLT-02: returned products and parts awaiting analysis past their due time, the longest overdue first. */
    @GetMapping("/analysis-overdue")
    @PreAuthorize("hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR')")
    public PageOf<OverdueAnalysis> overdue(Paging paging) {
        return defects.overdue(paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<Defect> get(@PathVariable UUID id) {
        return withEtag(defects.get(id));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    public PageOf<DefectHistory> history(@PathVariable UUID id, Paging paging) {
        return defects.history(id, paging);
    }

    /** QLT-01: classify or correct the record at the version read (If-Match required). */
    @PutMapping("/{id}/classification")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<Defect> classify(@PathVariable UUID id, @Valid @RequestBody ClassificationRequest request,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return withEtag(defects.classify(id, IfMatch.expectedVersion(ifMatch), request, CurrentUser.name()));
    }

    /** QLT-02: AWAITING_ANALYSIS → ANALYSED (If-Match optional; when sent it must match). */
    @PostMapping("/{id}/analysis")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<Defect> analyse(@PathVariable UUID id, @Valid @RequestBody DefectAnalysisRequest request,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return withEtag(defects.analyse(id, IfMatch.optionalExpectedVersion(ifMatch), request, CurrentUser.name()));
    }

    private static ResponseEntity<Defect> withEtag(Defect defect) {
        return ResponseEntity.ok().eTag(IfMatch.etag(defect.version())).body(defect);
    }
}
