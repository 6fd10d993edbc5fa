package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * QLT-06: one crossing of a key's (model, failure mode) threshold. It keeps the rule it crossed: the crossing ends
 * when the failures in that rule's window fell back to its thresholds.
 *
 * @param count the failures in the window at the latest failure of the crossing
 */
public record Alert(UUID id, String productModel, String failureMode, AlertState state, AlertBasis basis,
                    int windowDays, int countThreshold, BigDecimal rateThreshold, long installedBase, int count,
                    BigDecimal rate, Instant firstFailureAt, Instant lastFailureAt, Instant raisedAt,
                    String acknowledgedBy, Instant acknowledgedAt, Instant clearedAt, UUID improvementReportId,
                    int version) {
    static final int MAX_EVENT_DEFECTS = 50;

    /** A key crossed its threshold: a new alert and its one QualityAlertRaised. */
    static AlertChange raise(String productModel, String failureMode, AlertRule rule, AlertRule.Assessment assessment,
                             List<Occurrence> counted, String actor, Instant now) {
        Instant first = counted.getFirst().failedAt();
        Instant last = counted.getLast().failedAt();
        Alert alert = new Alert(UUID.randomUUID(), productModel, failureMode, AlertState.RAISED, assessment.basis(),
                rule.windowDays(), rule.countThreshold(), rule.rateThreshold(), assessment.installedBase(),
                assessment.count(), assessment.rate(), first, last, now, null, null, null, null, 1);
        List<UUID> latest = counted.subList(Math.max(0, counted.size() - MAX_EVENT_DEFECTS), counted.size()).stream()
                .map(Occurrence::defectId).toList();
        var raised = new AlertEvent.QualityAlertRaised(alert.id, productModel, failureMode, rule.windowDays(),
                assessment.count(), rule.countThreshold(), rule.rateThreshold(), assessment.rate(),
                assessment.installedBase(), assessment.basis(), first, last, latest, actor, now);
        return new AlertChange(alert, counted, List.of(raised));
    }

    /** The rule this alert crossed. */
    AlertRule rule() {
        return new AlertRule(productModel, windowDays, countThreshold, rateThreshold, null, null, 0);
    }

    /** Another failure while the crossing lasts: the counts move on, nothing is published again. */
    AlertChange counted(AlertRule.Assessment assessment, Occurrence failure) {
        Alert updated = new Alert(id, productModel, failureMode, state, basis, windowDays, countThreshold,
                rateThreshold, assessment.installedBase(), assessment.count(), assessment.rate(), firstFailureAt,
                failure.failedAt().isAfter(lastFailureAt) ? failure.failedAt() : lastFailureAt, raisedAt,
                acknowledgedBy, acknowledgedAt, clearedAt, improvementReportId, version + 1);
        return new AlertChange(updated, List.of(failure), List.of());
    }

    AlertChange acknowledge(String actor, Instant now) {
        AlertState next = state.requireTransitionTo(AlertState.ACKNOWLEDGED,
                "acknowledge it (only a RAISED alert is acknowledged)");
        return new AlertChange(new Alert(id, productModel, failureMode, next, basis, windowDays, countThreshold,
                rateThreshold, installedBase, count, rate, firstFailureAt, lastFailureAt, raisedAt, actor, now,
                clearedAt, improvementReportId, version + 1), List.of(), List.of());
    }

    /** The failures in the window fell back to the threshold: the crossing ends and the key is re-armed. */
    AlertChange clear(Instant now) {
        AlertState next = state.requireTransitionTo(AlertState.CLEARED, "clear it");
        return new AlertChange(new Alert(id, productModel, failureMode, next, basis, windowDays, countThreshold,
                rateThreshold, installedBase, count, rate, firstFailureAt, lastFailureAt, raisedAt, acknowledgedBy,
                acknowledgedAt, now, improvementReportId, version + 1), List.of(), List.of());
    }

    /** QLT-05: the improvement report opened for this alert. */
    Alert withImprovementReport(UUID reportId) {
        return new Alert(id, productModel, failureMode, state, basis, windowDays, countThreshold, rateThreshold,
                installedBase, count, rate, firstFailureAt, lastFailureAt, raisedAt, acknowledgedBy, acknowledgedAt,
                clearedAt, reportId, version + 1);
    }

    /** The problem an improvement report opened for this alert states (QLT-05). */
    String problem() {
        String measured = basis == AlertBasis.RATE
                ? "a rate of %s per installed unit (threshold %s, %d units installed)".formatted(
                        rate.stripTrailingZeros().toPlainString(), rateThreshold.stripTrailingZeros().toPlainString(),
                        installedBase)
                : "more than the threshold of %d".formatted(countThreshold);
        return "Trend alert: %d failures of %s with failure mode \"%s\" within %d days, %s (first %s, latest %s)."
                .formatted(count, productModel, failureMode, windowDays, measured, firstFailureAt, lastFailureAt);
    }

    /** A failure of a key, as the windows count it. */
    record Occurrence(UUID defectId, Instant failedAt) {
    }
}
