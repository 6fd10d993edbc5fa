package com.opensvc.aftersales.revisit.coverage;

import java.time.YearMonth;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.revisit.coverage.CoverageRepository.TechnicianCoverage;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUpJob.TopUpRun;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** REV-01 monthly coverage of every technician: the view, the top-up audit, and the top-up on demand. */
@RestController
@Validated
@RequestMapping("/api/revisit/coverage")
@RequiredArgsConstructor
public class CoverageController {
    private final CoverageRepository coverage;
    private final CoverageTopUpJob job;

    /** Per technician with completed work orders in the month: orders, happy calls by selection, covered or not. */
    @GetMapping("/{month}")
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<TechnicianCoverage> coverage(@PathVariable String month,
                                               @RequestParam(required = false) @Size(min = 1, max = 100) String technicianId,
                                               @Paging.DefaultSize(50) Paging paging) {
        YearMonth parsed = CoverageMonth.parse(month);
        return paging.of(coverage.coverage(parsed, technicianId, paging.size(), paging.offset()),
                coverage.countTechnicians(parsed, technicianId));
    }

    /** The top-ups' audit records: which order was chosen, among which candidates, due from when. */
    @GetMapping("/top-ups")
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<CoverageTopUp> topUps(@RequestParam(required = false) String month,
                                        @RequestParam(required = false) @Size(min = 1, max = 100) String technicianId,
                                        @RequestParam(required = false) UUID workOrderId,
                                        @Paging.DefaultSize(50) Paging paging) {
        var filter = new CoverageRepository.Filter(month == null ? null : CoverageMonth.parse(month), technicianId,
                workOrderId);
        return paging.of(coverage.search(filter, paging.size(), paging.offset()), coverage.count(filter));
    }

    /** Tops up an ended month now (the scheduled run does the month just ended); idempotent, 409 before it ends. */
    @PostMapping("/{month}/top-up")
    @PreAuthorize("hasAnyRole('MANAGER', 'SERVICE_DIRECTOR')")
    public TopUpRun topUp(@PathVariable String month) {
        return job.topUp(CoverageMonth.parse(month), CurrentUser.name());
    }
}
