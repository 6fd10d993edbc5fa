package com.opensvc.aftersales.dispatch.document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RPT-02: a missing or broken template is the operator's to fix, not the caller's: 503 naming the template. Ahead of
 * the platform's catch-all problem reports, which would answer 500.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {DocumentController.class, InspectionRecordDocumentController.class})
class DocumentProblems {

    @ExceptionHandler(DocumentUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DocumentUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Document template unavailable");
        problem.setProperty("template", e.template());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
