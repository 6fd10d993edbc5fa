package com.opensvc.aftersales.quality.improvement;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05: photos and other files of a report's problem. Quality, supervisors and customer managers add them
 * (after-sales supplies photos from the field) as the multipart part {@code file}; the report's readers list and
 * download them. Refusals name {@code file}: empty 400, too large 413 (also a body over the server's multipart
 * limit, which {@code spring.servlet.multipart.resolve-lazily} lets this controller answer), a type its bytes do not
 * show or not allowed 415.
 */
@RestController
@Validated
@RequestMapping("/api/quality/improvement-reports/{id}/attachments")
@RequiredArgsConstructor
public class ImprovementAttachmentController {
    private static final String ADDERS = "hasAnyRole('QUALITY', 'SUPERVISOR', 'CUSTOMER_MANAGER')";
    private static final String READERS =
            "hasAnyRole('QUALITY', 'MANAGER', 'SERVICE_DIRECTOR', 'TECHNICAL_DIRECTOR', 'CUSTOMER_MANAGER')";

    private final ImprovementAttachments attachments;
    private final AttachmentFiles files;

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ADDERS)
    public ResponseEntity<ImprovementAttachment> add(@PathVariable UUID id,
                                                     @RequestPart(name = AttachmentFiles.FIELD, required = false) MultipartFile file,
                                                     @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key)
            throws IOException {
        AttachmentFiles.CheckedFile checked = files.check(file);
        ImprovementAttachments.Added added = attachments.add(id, checked, key, CurrentUser.name());
        if (!added.created()) {
            return ResponseEntity.ok(added.attachment());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/improvement-reports/" + id + "/attachments/" + added.attachment().id()))
                .body(added.attachment());
    }

    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<ImprovementAttachment> list(@PathVariable UUID id, Paging paging) {
        return attachments.list(id, paging);
    }

    /** The bytes as stored, with the type their magic bytes showed; never shown inline, never sniffed. */
    @GetMapping("/{attachmentId}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        ImprovementAttachmentRepository.Content content = attachments.content(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(content.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content.bytes());
    }

    @ExceptionHandler(AttachmentFiles.Refused.class)
    ResponseEntity<ProblemDetail> refused(AttachmentFiles.Refused refused) {
        return problem(refused.status(), refused.getMessage());
    }

    /** A body over the server's multipart limit (read lazily, so it is met here, after the role check). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> overServerLimit(MaxUploadSizeExceededException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, files.tooLarge().getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The file cannot be attached");
        problem.setTitle(status == HttpStatus.CONTENT_TOO_LARGE ? "File too large" : "Unsupported file type");
        problem.setProperty("errors", List.of(Map.of("field", AttachmentFiles.FIELD, "message", message)));
        return ResponseEntity.status(status).body(problem);
    }
}
