package com.opensvc.aftersales.revisit.happycall;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

/** INT-26, REV-04: the recording agent corrects a survey returned as faulty (or unlocked); If-Match the version. */
@RestController
@Validated
@RequiredArgsConstructor
public class RevisitCorrectionController {
    private final RevisitCorrections corrections;

    @PutMapping("/api/revisit/revisits/{id}/survey")
    @PreAuthorize("hasRole('REVISIT_AGENT')")
    public ResponseEntity<Revisit> correctSurvey(@PathVariable UUID id,
                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody SurveyAnswers answers) {
        int expected = IfMatch.expectedVersion(ifMatch);
        Revisit corrected = corrections.correctSurvey(id, answers, expected, CurrentUser.name());
        return ResponseEntity.ok().eTag(IfMatch.etag(corrected.version())).body(corrected);
    }
}
