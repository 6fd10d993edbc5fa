package com.opensvc.aftersales.intake.customer.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MimeTypeUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.customer.CustomerClass;
import com.opensvc.aftersales.intake.customer.CustomerFilter;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.InvalidFieldException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * RPT-04: customers out as CSV or Excel, and back in. An export carries personal data, so it is limited to the
 * roles that manage customers and is recorded (SEC-04); an import writes many customers at once, so it is for
 * the customer manager, the supervisor and the administrator.
 */
@RestController
@Validated
@RequestMapping("/api/intake/customers")
@RequiredArgsConstructor
public class CustomerTransferController {
    static final String EXPORTERS = "hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'ADMIN')";
    static final String IMPORTERS = "hasAnyRole('CUSTOMER_MANAGER', 'SUPERVISOR', 'ADMIN')";

    private final CustomerExport export;
    private final CustomerImport importer;
    private final TransferAudit audit;
    private final CustomerTransferProperties properties;
    private final IntakeProperties intake;
    private final Clock clock;

    /**
     * The customers as {@code text/csv} (UTF-8 with BOM) or an Excel workbook, chosen by {@code format}
     * ({@code csv}, {@code xlsx}: for a plain download link) or else by the Accept header; filters as the list's.
     */
    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    public void exportCustomers(@RequestParam(name = "class", required = false) CustomerClass customerClass,
                                @RequestParam(required = false) @Size(max = 100) String group,
                                @RequestParam(required = false) @Size(max = 100) String region,
                                @RequestParam(required = false) Boolean blocked,
                                @RequestParam(required = false) String format,
                                @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                HttpServletResponse response) throws IOException {
        SheetFormat sheetFormat = chooseFormat(format, accept);
        var filter = new CustomerFilter(null, null, group, customerClass, region, blocked);
        String actor = CurrentUser.name();
        UUID exportId = export.start(filter, sheetFormat, actor);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(sheetFormat == SheetFormat.CSV ? "text/csv;charset=UTF-8" : SheetFormat.XLSX_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("customers-" + LocalDate.now(clock.withZone(intake.zone())) + "." + sheetFormat.extension())
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Export-Id", exportId.toString());
        export.write(exportId, filter, sheetFormat, response.getOutputStream(), actor);
    }

    /** The file as the request body: {@code text/csv} (or what Windows browsers send for .csv) or .xlsx. */
    @PostMapping(path = "/import", consumes = {SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE, SheetFormat.MS_EXCEL_TYPE})
    @PreAuthorize(IMPORTERS)
    public CustomerImport.Report importBody(@RequestParam(defaultValue = "false") boolean dryRun,
                                            HttpServletRequest request) throws IOException {
        requireKnownCharset(request.getContentType(), HttpHeaders.CONTENT_TYPE);
        MediaType type = MediaType.parseMediaType(request.getContentType());
        byte[] bytes = readLimited(request.getInputStream());
        return importFile(bytes, SheetFormat.declaredBy(type).orElse(SheetFormat.CSV), type.getCharset(), dryRun);
    }

    /** The file as the {@code file} part of a form upload; its format from the part's type or file name. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IMPORTERS)
    public CustomerImport.Report importForm(@RequestParam(defaultValue = "false") boolean dryRun,
                                            @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw tooLarge();
        }
        requireKnownCharset(file.getContentType(), "file");
        MediaType type = null;
        try {
            type = file.getContentType() == null ? null : MediaType.parseMediaType(file.getContentType());
        } catch (InvalidMediaTypeException e) {
            // the file name decides
        }
        SheetFormat format = SheetFormat.declaredBy(type).or(() -> SheetFormat.byFileName(file.getOriginalFilename()))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file must be CSV (text/csv, .csv) or Excel (.xlsx)"), null));
        try (InputStream in = file.getInputStream()) {
            return importFile(readLimited(in), format, type == null ? null : type.getCharset(), dryRun);
        }
    }

    /**
     * Any other Content-Type: one whose charset is unknown cannot be matched to the endpoints above (it does not
     * parse), so it lands here and gets a 400 naming {@code Content-Type}; any other type is not supported (415).
     */
    @PostMapping(path = "/import")
    @PreAuthorize(IMPORTERS)
    public CustomerImport.Report importUnsupported(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        requireKnownCharset(request.getContentType(), HttpHeaders.CONTENT_TYPE);
        throw new HttpMediaTypeNotSupportedException(contentTypeOrNull(request),
                List.of(SheetFormat.CSV.mediaType(), SheetFormat.XLSX.mediaType(), MediaType.valueOf(SheetFormat.MS_EXCEL_TYPE),
                        MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
    }

    private static MediaType contentTypeOrNull(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /**
     * A charset named in a Content-Type (of the request or of the uploaded file part) must be one this server
     * knows; otherwise 400 naming {@code field}, before anything is read. The name is not echoed back.
     */
    static void requireKnownCharset(String contentType, String field) {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = parameter.substring(eq + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (!knownCharset(name)) {
                throw new InvalidFieldException(field, "names a charset this server does not know; "
                        + "send UTF-8 (or GB18030, as Excel's plain CSV on a Chinese Windows writes)");
            }
        }
    }

    private static boolean knownCharset(String name) {
        try {
            return !name.isEmpty() && Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** SEC-04: the latest customer exports and imports: who, when, what. */
    @GetMapping("/transfers")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public List<TransferAudit.Entry> transfers(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return audit.latest(limit);
    }

    private CustomerImport.Report importFile(byte[] bytes, SheetFormat declared, Charset charset, boolean dryRun) {
        if (bytes.length == 0) {
            throw SheetFileException.file("is empty: it needs a header row and at least one customer row");
        }
        SheetFormat format = detect(bytes, declared);
        Sheet sheet = format == SheetFormat.XLSX
                ? XlsxSheetReader.read(bytes, properties.maxRows())
                : CsvSheetReader.read(bytes, charset, properties.maxRows());
        return importer.importSheet(sheet, format, dryRun, CurrentUser.name());
    }

    /** The bytes decide over the declared type: a zip is a workbook, an OLE2 file an encrypted or .xls one. */
    static SheetFormat detect(byte[] bytes, SheetFormat declared) {
        var magic = org.apache.poi.poifs.filesystem.FileMagic.valueOf(bytes);
        if (magic == org.apache.poi.poifs.filesystem.FileMagic.OOXML || magic == org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
            return SheetFormat.XLSX;
        }
        return declared;
    }

    static SheetFormat chooseFormat(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> SheetFormat.CSV;
                case "xlsx", "excel" -> SheetFormat.XLSX;
                default -> throw new InvalidFieldException("format", "must be csv or xlsx");
            };
        }
        if (accept == null || accept.isBlank()) {
            return SheetFormat.CSV;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw notAcceptable();
        }
        accepted = new java.util.ArrayList<>(accepted);
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.includes(SheetFormat.CSV.mediaType())) {
                return SheetFormat.CSV;
            }
            if (type.includes(SheetFormat.XLSX.mediaType())) {
                return SheetFormat.XLSX;
            }
        }
        throw notAcceptable();
    }

    private byte[] readLimited(InputStream in) throws IOException {
        long max = properties.maxFileSize().toBytes();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge();
        }
        return bytes;
    }

    private ErrorResponseException tooLarge() {
        long max = properties.maxFileSize().toBytes();
        String limit = max >= 1024 * 1024 ? properties.maxFileSize().toMegabytes() + " MB" : properties.maxFileSize().toKilobytes() + " KB";
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than " + limit + "; split it");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "file", "message", "is larger than " + limit)));
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static ErrorResponseException notAcceptable() {
        return new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, problem(HttpStatus.NOT_ACCEPTABLE,
                "An export is text/csv or " + SheetFormat.XLSX_TYPE + " (or ?format=csv|xlsx)"), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
