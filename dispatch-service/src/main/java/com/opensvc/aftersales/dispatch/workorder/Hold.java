package com.opensvc.aftersales.dispatch.workorder;

import java.time.Instant;

/**
 * INT-07: why a work order is {@code ON_HOLD} and what it returns to.
 *
 * @param heldFrom the state the order returns to when released
 * @param forQuote the new entitlement is PAID without an approved quote: only {@code QuoteApproved} releases it
 *                 (INT-08), {@code QuoteDeclined} cancels it
 * @param reason   the entitlement change, e.g. "FREE_REPAIR → PAID: no proof of purchase"
 * @param since    when the order was held
 */
public record Hold(WorkOrderState heldFrom, boolean forQuote, String reason, Instant since) {
}
