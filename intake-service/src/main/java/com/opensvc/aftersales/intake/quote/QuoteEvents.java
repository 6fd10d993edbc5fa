package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.ticket.TicketEvent;

/**
 * INT-08 events on {@code aftersales.intake.ticket}, keyed by ticket id. Money travels as a decimal string
 * ("1234.50") so no consumer ever sees a binary floating-point amount.
 */
final class QuoteEvents {
    private QuoteEvents() {
    }

    record Line(LineKind kind, String partNumber, Integer quantity, String labourCode, Integer minutes,
                String travelZone, String description, String unitPrice, String amount, boolean atCost) {
        static Line of(QuoteLine l) {
            return new Line(l.kind(), l.partNumber(), l.quantity(), l.labourCode(), l.minutes(), l.travelZone(),
                    l.description(), money(l.unitPrice()), money(l.amount()), l.atCost());
        }
    }

    record QuoteIssued(UUID ticketId, String ticketNumber, UUID quoteId, int revision, UUID supersedesQuoteId,
                       String entitlement, String serviceType, boolean removable, PaymentTerms paymentTerms,
                       String currency, List<Line> lines, String total, boolean needsManagerApproval,
                       Instant validUntil, String actor, Instant occurredAt) implements TicketEvent {
    }

    record QuoteAccepted(UUID ticketId, String ticketNumber, UUID quoteId, int revision, String total, String currency,
                         PaymentTerms paymentTerms, String customerAcceptedBy, AcceptanceMethod acceptanceMethod,
                         boolean needsManagerApproval, String actor, Instant occurredAt) implements TicketEvent {
    }

    record QuoteDeclined(UUID ticketId, String ticketNumber, UUID quoteId, int revision, DeclineReason reason,
                         String total, String currency, String declinedBy, AcceptanceMethod declineMethod,
                         String note, String actor, Instant occurredAt) implements TicketEvent {
    }

    /** INT-08: the quote has every approval it needs (supervisor; manager above the limit). */
    record QuoteApproved(UUID ticketId, String ticketNumber, UUID quoteId, int revision, String total, String currency,
                         PaymentTerms paymentTerms, String approvedBy, String supervisorApprovedBy,
                         String managerApprovedBy, String actor, Instant occurredAt) implements TicketEvent {
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
