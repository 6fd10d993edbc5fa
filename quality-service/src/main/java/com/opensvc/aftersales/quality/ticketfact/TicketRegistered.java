package com.opensvc.aftersales.quality.ticketfact;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What quality reads of intake's TicketRegistered: kind, category, channel and the referrer of a referral. */
public record TicketRegistered(@NotNull UUID ticketId, String ticketNumber, String kind, String category,
                               String channel, String productModel, Referrer referredBy, @NotNull Instant occurredAt) {

    /** Who forwarded a referral (channel INTERNAL_REFERRAL), e.g. a salesperson of the sales department. */
    public record Referrer(String name, String department) {
    }
}
