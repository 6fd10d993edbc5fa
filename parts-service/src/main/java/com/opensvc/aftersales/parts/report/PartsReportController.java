package com.opensvc.aftersales.parts.report;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * PRT-07, RPT-01: parts' reports under {@code /api/parts/reports}. Each answers JSON at its path and the same figures
 * at {@code <path>.csv} and {@code <path>.xlsx} (one method per report answers both, platform/web's
 * {@code ReportFiles}); downloads hold at most
 * {@code aftersales.parts.reports.max-export-rows} rows and say how many matched in {@code X-Total-Items} (with
 * {@code X-Truncated: true} when rows were left out). Periods are {@code from}/{@code to} ISO dates in the company's
 * zone, at most {@code max-range-days} long.
 */
@RestController
@Validated
@RequestMapping("/api/parts/reports")
@RequiredArgsConstructor
public class PartsReportController {
    private static final String HOLDINGS = "hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'TECHNICIAN')";
    private static final String CONSUMPTION = "hasAnyRole('STOREKEEPER', 'MANAGER', 'QUALITY', 'FINANCE')";
    private static final String VALUE = "hasAnyRole('STOREKEEPER', 'MANAGER', 'FINANCE', 'GENERAL_MANAGER')";
    private static final String HISTORY = "hasAnyRole('STOREKEEPER', 'MANAGER', 'FINANCE', 'SUPERVISOR')";

    private final PartsReports reports;

    // ---- technician holdings (SEC-02: a technician sees only their own) -----------------------------------------

    /** Per technician and part: issued − consumed − returned = holding (= on hand of {@code TECH-<login>}). */
    @GetMapping("/holdings")
    @PreAuthorize(HOLDINGS)
    public PageOf<HoldingRow> holdings(@RequestParam(required = false) @Size(max = 100) String technician,
                                       @RequestParam(required = false) @Size(max = 100) String partNumber,
                                       @Paging.DefaultSize(50) Paging paging) {
        return reports.holdings(technicianFilter(technician), partNumber, paging);
    }

    /** The calling technician's own holding. */
    @GetMapping("/holdings/mine")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public PageOf<HoldingRow> myHoldings(@RequestParam(required = false) @Size(max = 100) String partNumber,
                                         @Paging.DefaultSize(50) Paging paging) {
        return reports.holdings(CurrentUser.name(), partNumber, paging);
    }

    @GetMapping("/holdings.{format:csv|xlsx}")
    @PreAuthorize(HOLDINGS)
    public ResponseEntity<byte[]> holdingsFile(@PathVariable String format,
                                               @RequestParam(required = false) @Size(max = 100) String technician,
                                               @RequestParam(required = false) @Size(max = 100) String partNumber) {
        return download(reports.holdingsFile(technicianFilter(technician), partNumber), fileFormat(format),
                "holdings");
    }

    /** SEC-02: a technician (without a storekeeper's, supervisor's or manager's role) is held to their own login. */
    private static String technicianFilter(String technician) {
        if (CurrentUser.hasRole("STOREKEEPER") || CurrentUser.hasRole("SUPERVISOR") || CurrentUser.hasRole("MANAGER")) {
            return technician;
        }
        if (technician != null && !technician.equals(CurrentUser.name())) {
            throw new ForbiddenException("a technician sees only their own holding");
        }
        return CurrentUser.name();
    }

    // ---- consumption by product model and period ----------------------------------------------------------------

    /** {@code granularity}: {@code month} (default) or {@code period} (the whole range as one). */
    @GetMapping("/consumption")
    @PreAuthorize(CONSUMPTION)
    public PageOf<ConsumptionRow> consumption(@RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(defaultValue = "month") @Size(max = 20) String granularity,
                                              @RequestParam(required = false) @Size(max = 100) String productModel,
                                              @RequestParam(required = false) @Size(max = 100) String partNumber,
                                              @Paging.DefaultSize(50) Paging paging) {
        return reports.consumption(reports.periodQuery(from, to, granularity), productModel, partNumber, paging);
    }

    @GetMapping("/consumption.{format:csv|xlsx}")
    @PreAuthorize(CONSUMPTION)
    public ResponseEntity<byte[]> consumptionFile(@PathVariable String format,
                                                  @RequestParam(required = false) LocalDate from,
                                                  @RequestParam(required = false) LocalDate to,
                                                  @RequestParam(defaultValue = "month") @Size(max = 20)
                                                  String granularity,
                                                  @RequestParam(required = false) @Size(max = 100) String productModel,
                                                  @RequestParam(required = false) @Size(max = 100) String partNumber) {
        PartsReports.PeriodQuery query = reports.periodQuery(from, to, granularity);
        return download(reports.consumptionFile(query, productModel, partNumber), fileFormat(format),
                "consumption-" + query.fileSuffix());
    }

    // ---- scrap ---------------------------------------------------------------------------------------------------

    @GetMapping("/scrap")
    @PreAuthorize(CONSUMPTION)
    public PageOf<ScrapRow> scrap(@RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to,
                                  @RequestParam(defaultValue = "month") @Size(max = 20) String granularity,
                                  @RequestParam(required = false) @Size(max = 100) String location,
                                  @RequestParam(required = false) @Size(max = 100) String partNumber,
                                  @Paging.DefaultSize(50) Paging paging) {
        return reports.scrap(reports.periodQuery(from, to, granularity), location, partNumber, paging);
    }

    @GetMapping("/scrap.{format:csv|xlsx}")
    @PreAuthorize(CONSUMPTION)
    public ResponseEntity<byte[]> scrapFile(@PathVariable String format,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to,
                                            @RequestParam(defaultValue = "month") @Size(max = 20) String granularity,
                                            @RequestParam(required = false) @Size(max = 100) String location,
                                            @RequestParam(required = false) @Size(max = 100) String partNumber) {
        PartsReports.PeriodQuery query = reports.periodQuery(from, to, granularity);
        return download(reports.scrapFile(query, location, partNumber), fileFormat(format),
                "scrap-" + query.fileSuffix());
    }

    // ---- inventory value -----------------------------------------------------------------------------------------

    @GetMapping("/inventory-value")
    @PreAuthorize(VALUE)
    public InventoryValue inventoryValue(@RequestParam(required = false) @Size(max = 100) String location,
                                         @RequestParam(required = false) LocationKind kind) {
        return reports.inventoryValue(location, kind);
    }

    @GetMapping("/inventory-value.{format:csv|xlsx}")
    @PreAuthorize(VALUE)
    public ResponseEntity<byte[]> inventoryValueFile(@PathVariable String format,
                                                     @RequestParam(required = false) @Size(max = 100) String location,
                                                     @RequestParam(required = false) LocationKind kind) {
        return download(reports.inventoryValueFile(location, kind), fileFormat(format), "inventory-value");
    }

    // ---- movement history ----------------------------------------------------------------------------------------

    /** Newest first; {@code location} matches either end of a movement; {@code from}/{@code to} together or neither. */
    @GetMapping("/movements")
    @PreAuthorize(HISTORY)
    public PageOf<MovementLine> movements(@RequestParam(required = false) @Size(max = 100) String partNumber,
                                          @RequestParam(required = false) @Size(max = 100) String location,
                                          @RequestParam(required = false) UUID workOrderId,
                                          @RequestParam(required = false) MovementReason reason,
                                          @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to,
                                          @Paging.DefaultSize(50) Paging paging) {
        return reports.history(reports.historyQuery(partNumber, location, workOrderId, reason, from, to), paging);
    }

    @GetMapping("/movements.{format:csv|xlsx}")
    @PreAuthorize(HISTORY)
    public ResponseEntity<byte[]> movementsFile(@PathVariable String format,
                                                @RequestParam(required = false) @Size(max = 100) String partNumber,
                                                @RequestParam(required = false) @Size(max = 100) String location,
                                                @RequestParam(required = false) UUID workOrderId,
                                                @RequestParam(required = false) MovementReason reason,
                                                @RequestParam(required = false) LocalDate from,
                                                @RequestParam(required = false) LocalDate to) {
        PartsReports.HistoryQuery query = reports.historyQuery(partNumber, location, workOrderId, reason, from, to);
        return download(reports.historyFile(query), fileFormat(format), "movements-" + query.fileSuffix());
    }

    /** {@code csv} or {@code xlsx}, the extension of the path (the mapping admits no other). */
    private static ReportFiles.Format fileFormat(String extension) {
        return ReportFiles.Format.valueOf(extension.toUpperCase(java.util.Locale.ROOT));
    }

    private static ResponseEntity<byte[]> download(PartsReports.Export export, ReportFiles.Format format,
                                                   String baseName) {
        ResponseEntity<byte[]> file = ReportFiles.download(export.table(), format, baseName);
        return ResponseEntity.status(file.getStatusCode()).headers(file.getHeaders())
                .header(TOTAL_ITEMS, String.valueOf(export.totalItems()))
                .header(TRUNCATED, String.valueOf(export.truncated()))
                .body(file.getBody());
    }

    static final String TOTAL_ITEMS = "X-Total-Items";
    static final String TRUNCATED = "X-Truncated";
}
