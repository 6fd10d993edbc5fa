package com.opensvc.aftersales.intake.complaint.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * INT-21: a month's accountability report is issued to the general manager and finance. It concerns a month, not a
 * ticket: the Kafka key is {@code reportId}, the name-based UUID of the month ({@link AccountabilityReports#reportId}).
 */
record AccountabilityReportIssued(UUID reportId, String month, int complaintCount, int penaltyCount,
                                  BigDecimal totalDeductions, List<String> recipients, String reportUrl, String actor,
                                  Instant occurredAt) {
    static final String AGGREGATE = "intake.ticket";
    static final List<String> RECIPIENTS = List.of("GENERAL_MANAGER", "FINANCE");
}
