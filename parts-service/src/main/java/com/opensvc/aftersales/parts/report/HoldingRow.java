package com.opensvc.aftersales.parts.report;

/**
 * PRT-07: what a technician holds of a part, from the ledger: {@code issued} (every movement into the holding —
 * ISSUE_TO_TECHNICIAN, REASSIGNED_TO_TECHNICIAN from a colleague) − {@code consumed} (CONSUMED_UNDER_WARRANTY,
 * CONSUMED_ON_PAID_WORK) − {@code returned} (every other movement out — RETURNED_UNUSED, REASSIGNED_TO_TECHNICIAN to
 * a colleague) = {@code holding}, which equals {@code onHand} of the holding location {@code TECH-<login>}.
 */
public record HoldingRow(String technician, String location, String partNumber, String description, int issued,
                         int consumed, int returned, int holding, int onHand) {
}
