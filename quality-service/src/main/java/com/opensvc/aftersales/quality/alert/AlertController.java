package com.opensvc.aftersales.quality.alert;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

/**
 * QLT-06 trend alerts and their rules. Quality sets a model's rule, acknowledges an alert and opens its improvement
 * report (QLT-05); quality, the department manager and the directors read.
 */
@RestController
@Validated
@RequestMapping("/api/quality")
@RequiredArgsConstructor
public class AlertController {
    private static final String READERS =
            "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER')";
    private static final int MAX_MODEL_LENGTH = 100;

    private final AlertService service;

    @GetMapping("/alerts")
    @PreAuthorize(READERS)
    public PageOf<Alert> search(@RequestParam(required = false) AlertState state,
                                @RequestParam(required = false) String productModel, Paging paging) {
        return service.search(state, productModel, paging);
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize(READERS)
    public AlertDetails get(@PathVariable UUID id) {
        return service.details(id);
    }

    /** RAISED → ACKNOWLEDGED: quality has seen the alert (the crossing lasts). */
    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasRole('QUALITY')")
    public AlertDetails acknowledge(@PathVariable UUID id) {
        return service.acknowledge(id, CurrentUser.name());
    }

    /** QLT-05: opens the alert's improvement report (201), or returns the one it opened before (200). */
    @PostMapping("/alerts/{id}/improvement-report")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<Map<String, UUID>> improvementReport(@PathVariable UUID id) {
        AlertService.Linked linked = service.openImprovementReport(id, CurrentUser.name());
        Map<String, UUID> body = Map.of("alertId", id, "improvementReportId", linked.improvementReportId());
        if (!linked.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality/improvement-reports/" + linked.improvementReportId())).body(body);
    }

    /** The models' own rules (the default applies to every other model: see {@code GET …/alert-rules/{model}}). */
    @GetMapping("/alert-rules")
    @PreAuthorize(READERS)
    public PageOf<AlertRuleView> rules(Paging paging) {
        long min = service.properties().minInstalledBase();
        return service.rules(paging).map(rule -> AlertRuleView.of(rule.productModel(), rule, min));
    }

    /** The rule that applies to the model: its own, else the configured default. */
    @GetMapping("/alert-rules/{model}")
    @PreAuthorize(READERS)
    public AlertRuleView rule(@PathVariable String model) {
        String productModel = model(model);
        return AlertRuleView.of(productModel, service.rule(productModel), service.properties().minInstalledBase());
    }

    @PutMapping("/alert-rules/{model}")
    @PreAuthorize("hasRole('QUALITY')")
    public AlertRuleView setRule(@PathVariable String model, @Valid @RequestBody AlertRuleRequest request) {
        String productModel = model(model);
        AlertRule rule = service.setRule(productModel, windowDays(request.window()), request.countThreshold(),
                request.rateThreshold(), CurrentUser.name());
        return AlertRuleView.of(productModel, rule, service.properties().minInstalledBase());
    }

    /** The model goes back to the default rule. */
    @DeleteMapping("/alert-rules/{model}")
    @PreAuthorize("hasRole('QUALITY')")
    public ResponseEntity<Void> removeRule(@PathVariable String model) {
        String productModel = model(model);
        if (!service.removeRule(productModel, CurrentUser.name())) {
            throw new NotFoundException("model " + productModel + " has no alert rule of its own");
        }
        return ResponseEntity.noContent().build();
    }

    private static String model(String model) {
        if (model.isBlank() || model.strip().length() > MAX_MODEL_LENGTH) {
            throw new InvalidFieldException("model", "must be a product model of 1 to " + MAX_MODEL_LENGTH
                    + " characters");
        }
        return model.strip();
    }

    private static int windowDays(String window) {
        try {
            return AlertRule.wholeDays(Duration.parse(window.strip()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidFieldException("window", "must be an ISO-8601 duration of 1 to "
                    + AlertRule.MAX_WINDOW_DAYS + " whole days, e.g. P30D");
        }
    }
}
