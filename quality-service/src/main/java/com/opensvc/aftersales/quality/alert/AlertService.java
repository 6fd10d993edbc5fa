package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.quality.defect.DefectLogged;
import com.opensvc.aftersales.quality.improvement.ImprovementReportService;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * QLT-06: counts every logged failure by model and failure mode, raises one alert per crossing of the threshold, and
 * re-arms a key when its failures in the window fell back to the threshold.
 */
@Service
@RequiredArgsConstructor
public class AlertService {
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);
    static final String ACTOR = "system:quality-alerts";

    private final AlertRepository alerts;
    private final InstalledBase installedBase;
    private final ImprovementReportService improvementReports;
    private final AlertProperties properties;
    private final Clock clock;

    /**
     * A defect record was made (in its transaction): count it for its key and decide about the key. The key's lock
     * makes concurrent failures of one key decide one after the other. The window ends at the key's latest failure
     * (a failure delivered late does not shorten it).
     */
    @Transactional
    public void failureLogged(DefectLogged logged) {
        String model = strip(logged.productModel());
        String mode = strip(logged.failureMode());
        if (model == null || mode == null || logged.failedAt() == null) {
            log.info("Defect {} names no model or failure mode: not counted for trend alerts", logged.defectId());
            return;
        }
        Instant now = clock.instant();
        alerts.lockKey(model, mode);
        if (!alerts.insertOccurrence(logged.defectId(), model, mode, logged.failedAt(), now)) {
            log.info("Defect {} was counted for trend alerts already", logged.defectId());
            return;
        }
        Alert.Occurrence failure = new Alert.Occurrence(logged.defectId(), logged.failedAt());
        Instant at = alerts.latestFailure(model, mode);
        Optional<Alert> open = alerts.findOpenForUpdate(model, mode);
        if (open.isPresent()) {
            Alert alert = open.get();
            List<Alert.Occurrence> counted = window(alert.rule(), model, mode, at);
            AlertRule.Assessment assessment = assess(alert.rule(), model, counted);
            if (assessment.exceeded()) {
                alerts.save(alert.counted(assessment, failure));
                return;
            }
            alerts.save(alert.clear(now));
            log.info("Alert {} cleared: {} failure(s) in its window", alert.id(), assessment.count());
        }
        AlertRule rule = rule(model);
        List<Alert.Occurrence> counted = window(rule, model, mode, at);
        AlertRule.Assessment assessment = assess(rule, model, counted);
        if (assessment.exceeded()) {
            AlertChange raised = Alert.raise(model, mode, rule, assessment, counted, ACTOR, now);
            alerts.save(raised);
            log.info("Alert {} raised: {} failure(s) of one model and failure mode in {} days ({})",
                    raised.alert().id(), assessment.count(), rule.windowDays(), assessment.basis());
        }
    }

    /**
     * One batch of the re-arming job: claims open alerts not yet evaluated as of {@code at} (other replicas skip
     * them) and clears those whose failures in the window ending at {@code at} fell back to the threshold.
     */
    @Transactional
    public Batch clearBatch(Instant at, int size) {
        List<Alert> claimed = alerts.claimOpen(at, size);
        int cleared = 0;
        for (Alert alert : claimed) {
            alerts.evaluated(alert.id(), at);
            // a failure of the key being decided now: that transaction evaluates the key itself
            if (!alerts.tryLockKey(alert.productModel(), alert.failureMode())) {
                continue;
            }
            List<Alert.Occurrence> counted = window(alert.rule(), alert.productModel(), alert.failureMode(), at);
            AlertRule.Assessment assessment = assess(alert.rule(), alert.productModel(), counted);
            if (!assessment.exceeded()) {
                Alert current = alerts.findForUpdate(alert.id()).orElseThrow();
                alerts.save(current.clear(clock.instant()));
                cleared++;
                log.info("Alert {} cleared: {} failure(s) in its window", alert.id(), assessment.count());
            }
        }
        return new Batch(claimed.size(), cleared);
    }

    record Batch(int claimed, int cleared) {
    }

    private List<Alert.Occurrence> window(AlertRule rule, String model, String mode, Instant at) {
        return alerts.inWindow(model, mode, at.minus(rule.window()), at);
    }

    private AlertRule.Assessment assess(AlertRule rule, String model, List<Alert.Occurrence> counted) {
        return rule.assess(counted.size(), installedBase.count(model), properties.minInstalledBase());
    }

    // --- the API ---------------------------------------------------------------------------------------------------

    public PageOf<Alert> search(AlertState state, String productModel, Paging paging) {
        return alerts.search(state, strip(productModel), paging);
    }

    public AlertDetails details(UUID id) {
        Alert alert = alerts.find(id).orElseThrow(() -> notFound(id));
        return new AlertDetails(alert, alerts.defectIds(id));
    }

    @Transactional
    public AlertDetails acknowledge(UUID id, String actor) {
        Alert alert = alerts.findForUpdate(id).orElseThrow(() -> notFound(id));
        alerts.save(alert.acknowledge(actor, clock.instant()));
        log.info("Alert {} acknowledged by {}", id, actor);
        return details(id);
    }

    /** QLT-05: the improvement report for the alert; the first call opens it, every later one returns it. */
    @Transactional
    public Linked openImprovementReport(UUID id, String actor) {
        Alert alert = alerts.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (alert.improvementReportId() != null) {
            return new Linked(alert.improvementReportId(), false);
        }
        UUID reportId = improvementReports.openForAlert(alert.id(), alert.productModel(), alert.problem(),
                alert.count(), actor);
        alerts.save(new AlertChange(alert.withImprovementReport(reportId), List.of(), List.of()));
        log.info("Alert {} opened improvement report {}", id, reportId);
        return new Linked(reportId, true);
    }

    public record Linked(UUID improvementReportId, boolean created) {
    }

    // --- rules -----------------------------------------------------------------------------------------------------

    /** The model's own rule, else the configured default. */
    public AlertRule rule(String productModel) {
        return alerts.findRule(productModel).orElseGet(properties::defaultRule);
    }

    public PageOf<AlertRule> rules(Paging paging) {
        return alerts.rules(paging);
    }

    @Transactional
    public AlertRule setRule(String productModel, int windowDays, int countThreshold, BigDecimal rateThreshold,
                             String actor) {
        AlertRule rule = alerts.saveRule(productModel, windowDays, countThreshold, rateThreshold, actor,
                clock.instant());
        log.info("Alert rule of {} set by {}: {} days, count {}, rate {}", productModel, actor, windowDays,
                countThreshold, rateThreshold);
        return rule;
    }

    /** @return false when the model had no rule of its own */
    @Transactional
    public boolean removeRule(String productModel, String actor) {
        boolean removed = alerts.deleteRule(productModel);
        log.info("Alert rule of {} removed by {}: {}", productModel, actor, removed);
        return removed;
    }

    AlertProperties properties() {
        return properties;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no quality alert " + id);
    }
}
