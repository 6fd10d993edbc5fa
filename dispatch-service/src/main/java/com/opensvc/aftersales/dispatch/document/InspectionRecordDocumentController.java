package com.opensvc.aftersales.dispatch.document;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;

import lombok.RequiredArgsConstructor;

/** RPT-02: {@code GET /api/dispatch/inspection-records/{id}/document.pdf}, the inspection record signed by the customer. */
@RestController
@Validated
@RequiredArgsConstructor
public class InspectionRecordDocumentController {
    private final DocumentService documents;

    @GetMapping(value = "/api/dispatch/inspection-records/{id}/document.pdf",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CUSTOMER_MANAGER', 'MANAGER', 'QUALITY', 'TECHNICIAN')")
    public ResponseEntity<byte[]> print(@PathVariable UUID id) {
        boolean onlyTechnician = CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR")
                && !CurrentUser.hasRole("CUSTOMER_MANAGER") && !CurrentUser.hasRole("MANAGER")
                && !CurrentUser.hasRole("QUALITY");
        byte[] pdf = documents.printInspectionRecord(id, onlyTechnician ? CurrentUser.name() : null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(DocumentService.INSPECTION_RECORD + "-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
