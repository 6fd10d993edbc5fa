package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The charge form of a closed work order (DSP-05, RPT-02): the charge lines split into parts (catalogue price),
 * travel and service, their totals, and how they are paid. Recorded once, when the fixed visit closes the order;
 * {@code RepairClosed} carries its {@code charges} and {@code payment}.
 */
public record ChargeSheet(UUID workOrderId, UUID ticketId, String technicianId, String entitlement, Charges charges,
                          Payment payment, Instant recordedAt) {

    /** One line: a part at its catalogue price ({@code amount = quantity × unitPrice}) or an entered amount. */
    public record Line(ChargeKind kind, String description, String partNumber, Integer quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }

    /**
     * The lines and their totals per kind and overall.
     *
     * @param chargeableReason why work that is not PAID was charged; null for PAID work
     */
    public record Charges(List<Line> lines, BigDecimal partsTotal, BigDecimal travelTotal, BigDecimal serviceTotal,
                          BigDecimal total, String currency, String chargeableReason) {
        public Charges {
            lines = List.copyOf(lines);
        }
    }

    /**
     * How the charges are paid (null when nothing is to be paid).
     *
     * @param amountCollected taken on site (COLLECTED_ON_SITE) or covered by the prepayment (PREPAID); null otherwise
     * @param amountDue       what finance still has to collect: the total less a prepayment (cash taken on site is
     *                        due until the technician hands it to finance)
     */
    public record Payment(PaymentMethod method, String reference, BigDecimal amountCollected, BigDecimal amountDue,
                          String currency) {
    }
}
