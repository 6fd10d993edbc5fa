package com.opensvc.aftersales.intake.outreach;

import java.time.Instant;
import java.util.UUID;

/** One line of the desk's outreach list (INT-17). */
public record OutreachTicket(UUID id, String number, UUID campaignId, String campaignNumber, UUID customerId,
                             String customerName, UUID installedProductId, String productModel, String serialNumber,
                             String state, Instant contactDueAt, boolean overdue, Instant createdAt) {
}
