package com.opensvc.aftersales.dispatch.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.charge.PaymentMethod;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;

/** DSP-05: finance recorded a collection against a paid work order's receivable; {@code settled} when it is paid. */
public record PaymentCollected(UUID workOrderId, UUID ticketId, String reference, BigDecimal amount, String currency,
                               PaymentMethod method, Instant receivedAt, BigDecimal balance, boolean settled,
                               String actor, Instant occurredAt) implements WorkOrderEvent {
}
