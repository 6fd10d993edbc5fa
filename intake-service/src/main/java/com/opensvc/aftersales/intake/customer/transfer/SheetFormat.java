package com.opensvc.aftersales.intake.customer.transfer;

import java.util.Optional;

import org.springframework.http.MediaType;

/** The two file formats customers travel in (RPT-04). */
public enum SheetFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** What Windows browsers send for a .csv file (the extension is registered to Excel). */
    public static final String MS_EXCEL_TYPE = "application/vnd.ms-excel";

    private final MediaType mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a declared upload type stands for; {@code application/vnd.ms-excel} is a CSV from a Windows browser. */
    static Optional<SheetFormat> declaredBy(MediaType type) {
        if (type == null) {
            return Optional.empty();
        }
        if (XLSX.mediaType.equalsTypeAndSubtype(type)) {
            return Optional.of(XLSX);
        }
        if (CSV.mediaType.equalsTypeAndSubtype(type) || MediaType.parseMediaType(MS_EXCEL_TYPE).equalsTypeAndSubtype(type)) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    static Optional<SheetFormat> byFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".xlsx") ? Optional.of(XLSX) : lower.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
}
