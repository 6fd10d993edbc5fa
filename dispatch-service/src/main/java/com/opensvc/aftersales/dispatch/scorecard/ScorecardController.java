package com.opensvc.aftersales.dispatch.scorecard;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-10 technician scorecards ({@code GET /api/dispatch/scorecards}) and RPT-01 dispatch's field-task report
 * ({@code GET /api/dispatch/reports/field-tasks}, {@code .csv}, {@code .xlsx}).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch")
@RequiredArgsConstructor
public class ScorecardController {
    static final String XLSX = ReportFiles.XLSX;
    private final Scorecards scorecards;

    /**
     * {@code period}: 2026 | 2026-Q4 | 2026-11 | 2026-11-30 (company zone). A technician sees only their own card
     * (another's → 403).
     */
    @GetMapping("/scorecards")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public PageOf<Scorecard> scorecards(@RequestParam String period,
                                        @RequestParam(required = false) @Size(max = 100) String technicianId,
                                        @Paging.DefaultSize(50) Paging paging) {
        String technician = technicianId;
        if (onlyTechnician()) {
            if (technicianId != null && !technicianId.equals(CurrentUser.name())) {
                throw new ForbiddenException("a technician sees only their own scorecard");
            }
            technician = CurrentUser.name();
        }
        return scorecards.scorecards(period, technician, paging);
    }

    /** JSON, or CSV with {@code Accept: text/csv}, or the workbook with the spreadsheet media type. */
    @GetMapping("/reports/field-tasks")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'FINANCE')")
    public ResponseEntity<?> fieldTasks(@RequestParam(defaultValue = "technician") String groupBy,
                                        @RequestParam(defaultValue = "month") String granularity,
                                        @RequestParam(required = false) LocalDate from,
                                        @RequestParam(required = false) LocalDate to,
                                        @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Scorecards.FieldTaskQuery query = scorecards.fieldTaskQuery(groupBy, granularity, from, to);
        List<FieldTaskRow> rows = scorecards.fieldTasks(query);
        ReportFiles.Format format = ReportFiles.Format.of(accept);
        if (format == ReportFiles.Format.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
        }
        return ReportFiles.download(FieldTaskFiles.table(rows), format, fileName(query));
    }

    @GetMapping("/reports/field-tasks.csv")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'FINANCE')")
    public ResponseEntity<byte[]> fieldTasksCsv(@RequestParam(defaultValue = "technician") String groupBy,
                                                @RequestParam(defaultValue = "month") String granularity,
                                                @RequestParam(required = false) LocalDate from,
                                                @RequestParam(required = false) LocalDate to) {
        Scorecards.FieldTaskQuery query = scorecards.fieldTaskQuery(groupBy, granularity, from, to);
        return ReportFiles.csv(FieldTaskFiles.table(scorecards.fieldTasks(query)), fileName(query));
    }

    @GetMapping("/reports/field-tasks.xlsx")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'FINANCE')")
    public ResponseEntity<byte[]> fieldTasksXlsx(@RequestParam(defaultValue = "technician") String groupBy,
                                                 @RequestParam(defaultValue = "month") String granularity,
                                                 @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to) {
        Scorecards.FieldTaskQuery query = scorecards.fieldTaskQuery(groupBy, granularity, from, to);
        return ReportFiles.xlsx(FieldTaskFiles.table(scorecards.fieldTasks(query)), fileName(query));
    }

    private static String fileName(Scorecards.FieldTaskQuery query) {
        return "field-tasks-" + query.from() + "-" + query.to();
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER");
    }
}
