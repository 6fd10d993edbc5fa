package com.opensvc.aftersales.intake.complaint.accountability;

import java.time.YearMonth;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.InvalidFieldException;

import lombok.RequiredArgsConstructor;

/**
 * INT-21: a month's complaints with their responsibility decisions and rewards/penalties, as JSON, CSV or Excel
 * ({@code format=json|csv|xlsx}, else by the Accept header), for the general manager, finance and management.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class AccountabilityReportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AccountabilityReports reports;

    enum Format { JSON, CSV, XLSX }

    /** {@code month} as YYYY-MM; default the previous month (the one the monthly report covers). */
    @GetMapping("/api/intake/reports/accountability")
    @PreAuthorize("hasAnyRole('GENERAL_MANAGER', 'FINANCE', 'MANAGER', 'SERVICE_DIRECTOR')")
    public ResponseEntity<?> report(@RequestParam(required = false) String month,
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        YearMonth chosen = month == null ? reports.dueMonth() : AccountabilityMonth.parse(month);
        Format chosenFormat = format(format, accept);
        AccountabilityReport report = reports.build(chosen);
        return switch (chosenFormat) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV -> file(AccountabilityReportFiles.csv(report), "text/csv;charset=UTF-8", chosen, "csv");
            case XLSX -> file(AccountabilityReportFiles.xlsx(report), XLSX, chosen, "xlsx");
        };
    }

    static Format format(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                default -> throw new InvalidFieldException("format", "must be json, csv or xlsx");
            };
        }
        if (accept != null) {
            java.util.List<MediaType> types;
            try {
                types = MediaType.parseMediaTypes(accept);
            } catch (org.springframework.http.InvalidMediaTypeException e) {
                return Format.JSON;
            }
            for (MediaType type : types) {
                if (type.isWildcardType()) {
                    break;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return Format.JSON;
                }
                if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                    return Format.CSV;
                }
                if (MediaType.parseMediaType(XLSX).equalsTypeAndSubtype(type)) {
                    return Format.XLSX;
                }
            }
        }
        return Format.JSON;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String contentType, YearMonth month, String extension) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("accountability-" + month + "." + extension).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
