package com.opensvc.aftersales.dispatch.document;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * RPT-02: {@code GET /api/dispatch/work-orders/{id}/documents/dispatch-slip.pdf} and {@code …/service-report.pdf}
 * and {@code …/charge-form.pdf} (every {@link PrintableDocument} by its template name) for supervisors, managers,
 * finance and the assigned technician (SEC-02).
 */
@RestController
@Validated
@RequestMapping("/api/dispatch/work-orders/{id}/documents")
@RequiredArgsConstructor
public class DocumentController {
    private final DocumentService documents;

    @GetMapping(value = "/{name}.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'FINANCE', 'TECHNICIAN')")
    public ResponseEntity<byte[]> print(@PathVariable UUID id, @PathVariable String name) {
        PrintableDocument document = PrintableDocument.byTemplate(name)
                .orElseThrow(() -> new NotFoundException("no document " + name + " for work orders"));
        String technician = onlyTechnician() ? CurrentUser.name() : null;
        byte[] pdf = documents.print(document, id, technician);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(name + "-" + id + ".pdf").build()
                        .toString())
                .body(pdf);
    }

    private static boolean onlyTechnician() {
        return CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR") && !CurrentUser.hasRole("MANAGER");
    }
}
