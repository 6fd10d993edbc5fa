package com.opensvc.aftersales.intake.pending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The customer manager's contact with a customer in a monthly round (INT-14). One per round and customer: a later
 * contact in the same round replaces outcome, date and time, keeps {@code firstContactedAt} and counts
 * {@code attempts}; every contact is also on the timeline of the customer's tickets on the ledger.
 */
public record RoundContact(YearMonth roundMonth, UUID customerId, String outcome, LocalDate nextArrangedOn,
                           Instant contactedAt, String contactedBy, Instant firstContactedAt, int attempts) {
}
