package com.opensvc.aftersales.revisit.statistics;

import java.time.YearMonth;

import org.springframework.http.HttpStatus;
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

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import lombok.RequiredArgsConstructor;

/**
 * RPT-01 revisit report ({@code GET /api/revisit/reports/revisits}, {@code .csv}, {@code .xlsx}) and REV-07 monthly
 * revisit statistics ({@code /api/revisit/statistics/monthly}). Technicians see neither (SEC-01).
 */
@RestController
@Validated
@RequestMapping("/api/revisit")
@RequiredArgsConstructor
public class StatisticsController {
    static final String READERS = "hasAnyRole('REVISIT_AGENT', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY')";
    static final String PRODUCERS = "hasAnyRole('MANAGER', 'SERVICE_DIRECTOR')";
    private final RevisitStatistics statistics;

    /** {@code period}: 2026 | 2026-Q4 | 2026-11 | 2026-11-30 (company zone); {@code by}: region|technician|product|kind|agent. */
    @GetMapping("/reports/revisits")
    @PreAuthorize(READERS)
    public RevisitReport report(@RequestParam String period, @RequestParam(defaultValue = "technician") String by) {
        return statistics.report(period, by);
    }

    @GetMapping("/reports/revisits.csv")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> reportCsv(@RequestParam String period,
                                            @RequestParam(defaultValue = "technician") String by) {
        RevisitReport report = statistics.report(period, by);
        return ReportFiles.csv(StatisticsFiles.report(report), fileName(report));
    }

    @GetMapping("/reports/revisits.xlsx")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> reportXlsx(@RequestParam String period,
                                             @RequestParam(defaultValue = "technician") String by) {
        RevisitReport report = statistics.report(period, by);
        return ReportFiles.xlsx(StatisticsFiles.report(report), fileName(report));
    }

    /** REV-07: the months kept, newest first. */
    @GetMapping("/statistics/monthly")
    @PreAuthorize(READERS)
    public PageOf<MonthlyStatistics.Summary> monthlyList(Paging paging) {
        return statistics.monthly(paging);
    }

    @GetMapping("/statistics/monthly/{month}")
    @PreAuthorize(READERS)
    public MonthlyStatistics monthly(@PathVariable YearMonth month) {
        return kept(month);
    }

    @GetMapping("/statistics/monthly/{month}.csv")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> monthlyCsv(@PathVariable YearMonth month) {
        return ReportFiles.csv(StatisticsFiles.monthly(kept(month)), "revisit-statistics-" + month);
    }

    @GetMapping("/statistics/monthly/{month}.xlsx")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> monthlyXlsx(@PathVariable YearMonth month) {
        return ReportFiles.xlsx(StatisticsFiles.monthly(kept(month)), "revisit-statistics-" + month);
    }

    /** REV-07 on demand: keeps a finished month's statistics (201), or answers those kept already (200). */
    @PostMapping("/statistics/monthly")
    @PreAuthorize(PRODUCERS)
    public ResponseEntity<MonthlyStatistics> produce(@Valid @RequestBody ProduceRequest request) {
        RevisitStatistics.Produced produced = statistics.produce(request.month(), CurrentUser.name());
        return ResponseEntity.status(produced.kept() ? HttpStatus.CREATED : HttpStatus.OK).body(produced.statistics());
    }

    /** The month to produce, {@code {"month": "2026-11"}}. */
    public record ProduceRequest(@NotNull YearMonth month) {
    }

    private MonthlyStatistics kept(YearMonth month) {
        return statistics.monthly(month).orElseThrow(() -> new NotFoundException("no revisit statistics for " + month));
    }

    private static String fileName(RevisitReport report) {
        return "revisits-" + report.period() + "-by-" + report.by();
    }
}
