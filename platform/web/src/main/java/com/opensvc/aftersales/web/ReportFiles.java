package com.opensvc.aftersales.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * RPT-01: a {@link TabularReport} answered as a download — the right content type, {@code Content-Disposition:
 * attachment; filename=…} and {@code Cache-Control: no-store}. A report endpoint answers JSON at its path and the same
 * figures at {@code <path>.csv} and {@code <path>.xlsx} (and at its path by {@code Accept}, {@link Format#of}).
 */
public final class ReportFiles {
    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);

    private ReportFiles() {
    }

    /** What a report endpoint answers. */
    public enum Format {
        JSON, CSV, XLSX;

        /**
         * The format an {@code Accept} header asks for: JSON when absent, malformed, a wildcard or JSON comes first;
         * {@code text/csv} → CSV; the spreadsheet media type → XLSX.
         */
        public static Format of(String accept) {
            if (accept == null) {
                return JSON;
            }
            List<MediaType> types;
            try {
                types = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                return JSON;
            }
            for (MediaType type : types) {
                if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return JSON;
                }
                if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                    return CSV;
                }
                if (XLSX_TYPE.equalsTypeAndSubtype(type)) {
                    return XLSX;
                }
            }
            return JSON;
        }
    }

    /** The report as a CSV download named {@code baseName.csv}. */
    public static ResponseEntity<byte[]> csv(TabularReport report, String baseName) {
        return download(report, Format.CSV, baseName);
    }

    /** The report as an Excel download named {@code baseName.xlsx}. */
    public static ResponseEntity<byte[]> xlsx(TabularReport report, String baseName) {
        return download(report, Format.XLSX, baseName);
    }

    /** The report as a CSV or Excel download named {@code baseName} plus the format's extension. */
    public static ResponseEntity<byte[]> download(TabularReport report, Format format, String baseName) {
        return switch (format) {
            case CSV -> file(report.csv(), CSV, baseName + ".csv");
            case XLSX -> file(report.xlsx(), XLSX, baseName + ".xlsx");
            case JSON -> throw new IllegalArgumentException("JSON is the endpoint's own answer, not a file");
        };
    }

    /** Bytes as an attachment: the file name is sent ASCII-safe, with the UTF-8 form beside it where it needs one. */
    public static ResponseEntity<byte[]> file(byte[] body, String contentType, String fileName) {
        boolean ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        ContentDisposition disposition = ascii ? ContentDisposition.attachment().filename(fileName).build()
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
