package com.opensvc.aftersales.quality.complaint;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-04 complaint statistics and RPT-01's complaints report, from intake's and revisit's events. Periods are
 * {@code from}/{@code to} registration dates (inclusive, company zone), at most 366 days. Each answers JSON at its
 * path and the same figures at {@code <path>.csv} and {@code <path>.xlsx}.
 */
@RestController
@Validated
@RequestMapping("/api/quality")
@RequiredArgsConstructor
public class ComplaintStatisticsController {
    static final String READERS = "hasAnyRole('QUALITY', 'MANAGER', 'CUSTOMER_MANAGER', 'SERVICE_DIRECTOR', "
            + "'GENERAL_MANAGER', 'TECHNICAL_DIRECTOR')";

    private final ComplaintStatistics statistics;

    /** Counts by customer class, content, handling, satisfaction and responsible department. */
    @GetMapping("/complaint-statistics")
    @PreAuthorize(READERS)
    public ComplaintCounts statistics(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        ComplaintPeriod period = ComplaintPeriod.of(from, to);
        return statistics.counts(period.from(), period.to());
    }

    /** The same figures in long format (section, key, count). */
    @GetMapping("/complaint-statistics.{format:csv|xlsx}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> statisticsFile(@PathVariable String format, @RequestParam LocalDate from,
                                                 @RequestParam LocalDate to) {
        ComplaintPeriod period = ComplaintPeriod.of(from, to);
        return ReportFiles.download(statistics.counts(period.from(), period.to()).table(), fileFormat(format),
                "complaint-statistics-" + period.fileSuffix());
    }

    /** {@code groupBy}: year, quarter, month (default), day, region, customer, department or product. */
    @GetMapping("/reports/complaints")
    @PreAuthorize(READERS)
    public PageOf<ComplaintGroupRow> report(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                            @RequestParam(defaultValue = "month") @Size(max = 20) String groupBy,
                                            @Paging.DefaultSize(50) Paging paging) {
        ComplaintPeriod period = ComplaintPeriod.of(from, to);
        return statistics.report(period.from(), period.to(), GroupBy.parse(groupBy), paging);
    }

    @GetMapping("/reports/complaints.{format:csv|xlsx}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> reportFile(@PathVariable String format, @RequestParam LocalDate from,
                                             @RequestParam LocalDate to,
                                             @RequestParam(defaultValue = "month") @Size(max = 20) String groupBy) {
        ComplaintPeriod period = ComplaintPeriod.of(from, to);
        GroupBy by = GroupBy.parse(groupBy);
        return ReportFiles.download(statistics.reportTable(period.from(), period.to(), by), fileFormat(format),
                "complaints-by-" + by.label() + "-" + period.fileSuffix());
    }

    /** {@code csv} or {@code xlsx}, the extension of the path (the mapping admits no other). */
    private static ReportFiles.Format fileFormat(String extension) {
        return ReportFiles.Format.valueOf(extension.toUpperCase(Locale.ROOT));
    }
}
