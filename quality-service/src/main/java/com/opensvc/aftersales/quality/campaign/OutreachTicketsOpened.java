package com.opensvc.aftersales.quality.campaign;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What quality reads of intake's OutreachTicketsOpened (INT-17): how many tickets, and by when they are to be contacted. */
public record OutreachTicketsOpened(@NotNull UUID campaignId, @NotNull @Min(0) Integer ticketCount,
                                    @NotNull Instant contactDueAt, @NotNull Instant occurredAt) {
}
