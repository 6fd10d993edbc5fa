package com.opensvc.aftersales.dispatch.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.charge.Money;
import com.opensvc.aftersales.dispatch.charge.PaymentMethod;
import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * DSP-05: what a paid work order owes until finance records its collection. {@code balance = total − prepaid −
 * collected}; cash a technician collected on site ({@code collectedOnSite}) stays in the balance until finance records
 * receiving it from them. Partial collections add up; a collection above the balance is refused.
 */
public record Receivable(UUID workOrderId, UUID ticketId, String technicianId, PaymentMethod method, String reference,
                         String currency, BigDecimal total, BigDecimal prepaid, BigDecimal collectedOnSite,
                         BigDecimal collected, BigDecimal balance, ReceivableState state, Instant openedAt,
                         Instant settledAt, int version) {

    /** The receivable a charged visit opens (settled at once when a prepayment covers everything). */
    static Receivable open(UUID workOrderId, UUID ticketId, String technician, ChargeSheet.Charges charges,
                           ChargeSheet.Payment payment, Instant now) {
        BigDecimal collectedOnSite = payment.method() == PaymentMethod.COLLECTED_ON_SITE
                ? payment.amountCollected() : Money.zero();
        BigDecimal prepaid = payment.method() == PaymentMethod.PREPAID ? payment.amountCollected() : Money.zero();
        return withBalance(workOrderId, ticketId, technician, payment.method(), payment.reference(),
                charges.currency(), charges.total(), prepaid, collectedOnSite, Money.zero(), now, now, 0);
    }

    /** Finance recorded {@code amount} received at {@code receivedAt} (400 above the balance or in the future). */
    ReceivableChange collect(BigDecimal amount, String collectionReference, Instant receivedAt, String actor,
                             Instant now) {
        BigDecimal received = Money.of(amount);
        if (received.compareTo(balance) > 0) {
            throw new InvalidFieldException("amount", "exceeds the open balance " + balance + " " + currency
                    + " of work order " + workOrderId);
        }
        Instant when = receivedAt == null ? now : receivedAt;
        if (when.isAfter(now)) {
            throw new InvalidFieldException("receivedAt", "must not be in the future");
        }
        Receivable after = withBalance(workOrderId, ticketId, technicianId, method, reference, currency, total,
                prepaid, collectedOnSite, collected.add(received), openedAt, now, version + 1);
        Collection collection = new Collection(UUID.randomUUID(), workOrderId, received, collectionReference, when,
                actor, now);
        return new ReceivableChange(after, collection, new PaymentCollected(workOrderId, ticketId,
                collectionReference, received, currency, method, when, after.balance,
                after.state == ReceivableState.SETTLED, actor, now));
    }

    /** One collection finance recorded; never changed. */
    public record Collection(UUID id, UUID workOrderId, BigDecimal amount, String reference, Instant receivedAt,
                             String actor, Instant recordedAt) {
    }

    private static Receivable withBalance(UUID workOrderId, UUID ticketId, String technician, PaymentMethod method,
                                          String reference, String currency, BigDecimal total, BigDecimal prepaid,
                                          BigDecimal collectedOnSite, BigDecimal collected, Instant openedAt,
                                          Instant now, int version) {
        BigDecimal balance = total.subtract(prepaid).subtract(collected);
        boolean settled = balance.signum() == 0;
        return new Receivable(workOrderId, ticketId, technician, method, reference, currency, total, prepaid,
                collectedOnSite, collected, balance, settled ? ReceivableState.SETTLED : ReceivableState.OPEN, openedAt,
                settled ? now : null, version);
    }
}
