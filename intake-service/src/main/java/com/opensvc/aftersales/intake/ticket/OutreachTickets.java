package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * INT-17: the outreach tickets a defect campaign (QLT-08) asks for: one per installed product of the model within the
 * serial range and/or factory-date range (bounds inclusive, serials byte-wise), each due for contact by
 * {@code contactDueAt}. The outreach feature names them; the ticket feature opens them a batch at a time.
 *
 * @param historyDetail what the REGISTERED line of each ticket's timeline says
 */
public record OutreachTickets(UUID campaignId, String productModel, String serialFrom, String serialTo,
                              LocalDate factoryDateFrom, LocalDate factoryDateTo, String faultDescription,
                              String historyDetail, Instant contactDueAt, String actor) {

    /** What was done: products picked after the cursor, tickets created (fewer on a redo), the new cursor. */
    public record Batch(int picked, int created, String lastSerial) {
    }
}
