package com.opensvc.aftersales.quality.improvement;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A report as {@code GET /{id}} shows it: its fields and its history (who changed what, when; SEC-03). */
public record ImprovementReportDetails(@JsonUnwrapped ImprovementReport report, List<ImprovementReportHistory> history) {
}
