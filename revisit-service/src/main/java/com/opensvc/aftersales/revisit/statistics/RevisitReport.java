package com.opensvc.aftersales.revisit.statistics;

import java.util.List;

/** RPT-01: revisit's report for a period, one row per group, and the period's total over every group. */
public record RevisitReport(String period, String by, List<RevisitFigures> rows, RevisitFigures total) {
}
