package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issued quote (INT-08). Its lines, total and terms never change; a revision is a new quote that supersedes
 * it. Only its state and the customer's acceptance and the approvals are added later.
 */
public record Quote(UUID id, UUID ticketId, int revision, UUID supersedes, QuoteState state, boolean removable,
                    PaymentTerms paymentTerms, String currency, List<QuoteLine> lines, BigDecimal total,
                    boolean needsManagerApproval, Instant issuedAt, String issuedBy, Instant validUntil,
                    String customerAcceptedBy, AcceptanceMethod acceptanceMethod, Instant customerAcceptedAt,
                    String acceptanceRecordedBy, String supervisorApprovedBy, Instant supervisorApprovedAt,
                    String managerApprovedBy, Instant managerApprovedAt, DeclineReason declinedReason,
                    String declinedNote, Instant closedAt, String closedBy, int version) {

    /** An open quote past its validity counts as expired even before the expiry job has marked it. */
    public QuoteState effectiveState(Instant now) {
        return QuoteState.OPEN.contains(state) && !now.isBefore(validUntil) ? QuoteState.EXPIRED : state;
    }
}
