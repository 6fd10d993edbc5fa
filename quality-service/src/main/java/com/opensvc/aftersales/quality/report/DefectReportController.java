package com.opensvc.aftersales.quality.report;

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

import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * RPT-01 for quality: defects by period, region, customer, department, product and failure mode as JSON at
 * {@code /api/quality/reports/defects} and the same figures at {@code .csv} and {@code .xlsx}.
 */
@RestController
@Validated
@RequestMapping("/api/quality/reports")
@RequiredArgsConstructor
public class DefectReportController {
    static final String READERS = "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR', "
            + "'GENERAL_MANAGER')";

    private final DefectReports reports;

    /** {@code groupBy}: one or two of year|quarter|month|day, region, customer, department, product, failureMode, source. */
    @GetMapping("/defects")
    @PreAuthorize(READERS)
    public DefectReports.DefectSummary defects(@RequestParam(required = false) LocalDate from,
                                               @RequestParam(required = false) LocalDate to,
                                               @RequestParam(required = false) @Size(max = 100) String groupBy) {
        return reports.summary(reports.query(from, to, groupBy));
    }

    @GetMapping("/defects.{format:csv|xlsx}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> defectsFile(@PathVariable String format,
                                              @RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(required = false) @Size(max = 100) String groupBy) {
        DefectReports.Query query = reports.query(from, to, groupBy);
        return ReportFiles.download(reports.table(reports.summary(query)),
                ReportFiles.Format.valueOf(format.toUpperCase(Locale.ROOT)), "quality-defects-" + query.fileSuffix());
    }
}
