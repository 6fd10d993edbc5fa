package com.opensvc.aftersales.quality.newproduct;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-07 the new-product watch: quality records a model's launch; quality, management, the directors and the
 * after-sales supervisor see the watched models and their failures; after-sales (supervisor, manager) or quality
 * submit the written survey findings.
 */
@RestController
@Validated
@RequestMapping("/api/quality")
@RequiredArgsConstructor
public class NewProductController {
    static final String READERS =
            "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR', 'SUPERVISOR')";
    static final String MODEL = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String MODEL_MESSAGE = "must be a product model (letters, digits, . _ -)";

    private final NewProductWatch watch;

    @PutMapping("/product-models/{model}/launch")
    @PreAuthorize("hasRole('QUALITY')")
    public ModelLaunch recordLaunch(@PathVariable @Pattern(regexp = MODEL, message = MODEL_MESSAGE) String model,
                                    @Valid @RequestBody NewProductRequests.LaunchRequest request) {
        return watch.recordLaunch(model, request.launchedOn(), CurrentUser.name());
    }

    /** The models under watch today, latest launch first, with their failures so far. */
    @GetMapping("/new-products")
    @PreAuthorize(READERS)
    public PageOf<WatchedModel> watched(Paging paging) {
        return watch.watched(paging);
    }

    @PostMapping("/new-products/{model}/survey-findings")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'QUALITY')")
    public ResponseEntity<SurveyFinding> submitFindings(
            @PathVariable @Pattern(regexp = MODEL, message = MODEL_MESSAGE) String model,
            @Valid @RequestBody NewProductRequests.FindingsRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        NewProductWatch.Submitted submitted = watch.submitFindings(model, request, key, CurrentUser.name());
        if (!submitted.created()) {
            return ResponseEntity.ok(submitted.finding());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/new-products/" + model + "/survey-findings"))
                .body(submitted.finding());
    }

    @GetMapping("/new-products/{model}/survey-findings")
    @PreAuthorize(READERS)
    public PageOf<SurveyFinding> findings(@PathVariable @Pattern(regexp = MODEL, message = MODEL_MESSAGE) String model,
                                          Paging paging) {
        return watch.findings(model, paging);
    }
}
