package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;

/** One state change of a report (SEC-03): what, by whom, when; append-only in the database. */
public record ImprovementReportHistory(Instant at, String actor, String action, ImprovementReportState fromState,
                                       ImprovementReportState toState, String detail) {
}
