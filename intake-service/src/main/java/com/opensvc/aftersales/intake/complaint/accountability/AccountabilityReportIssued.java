package com.opensvc.aftersales.intake.complaint.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.messaging.OutgoingEvent;

/**
 * INT-21: a month's accountability report is issued to the general manager and finance. It concerns a month, not a
 * ticket: it travels on the tickets' topic keyed by {@code reportId}, the name-based UUID of the month
 * ({@link AccountabilityReports#reportId}).
 */
record AccountabilityReportIssued(UUID reportId, String month, int complaintCount, int penaltyCount,
                                  BigDecimal totalDeductions, List<String> recipients, String reportUrl, String actor,
                                  Instant occurredAt) implements OutgoingEvent {
    static final List<String> RECIPIENTS = List.of("GENERAL_MANAGER", "FINANCE");

    @Override
    public String aggregateType() {
        return TicketEvent.AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return reportId;
    }
}
