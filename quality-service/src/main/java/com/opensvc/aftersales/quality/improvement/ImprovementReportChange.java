package com.opensvc.aftersales.quality.improvement;

import java.util.List;

/**
 * What a transition of a report caused: the report as it now is ({@code created} when it was just opened), the
 * actions or verification it added, its history line, and the events to publish. {@link ImprovementReportRepository#save}
 * writes all of it in the caller's transaction.
 */
record ImprovementReportChange(ImprovementReport report, boolean created, List<ImprovementAction> addedActions,
                               ImprovementVerification addedVerification, ImprovementReportHistory history,
                               List<ImprovementReportEvent> events) {
}
