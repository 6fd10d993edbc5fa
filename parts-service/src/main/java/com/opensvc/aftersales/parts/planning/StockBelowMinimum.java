package com.opensvc.aftersales.parts.planning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.opensvc.aftersales.messaging.OutgoingEvent;
import com.opensvc.aftersales.parts.loan.PartsEvent;

/**
 * PRT-06: the part's available quantity (on hand − reserved) at the location fell below the plan's minimum; order
 * {@code suggestedOrderQuantity} (= maximum − available) to fill it up to maximum. Published once per crossing, on
 * {@code aftersales.parts.stock}, keyed by a name-based UUID of the location and part (there is no ticket), so one
 * plan's events stay in order.
 */
public record StockBelowMinimum(String location, String partNumber, int onHand, int reserved, int available,
                                int minimum, int safetyStock, int maximum, int suggestedOrderQuantity, String actor,
                                Instant occurredAt) implements OutgoingEvent {

    @Override
    public String aggregateType() {
        return PartsEvent.AGGREGATE_TYPE;
    }

    @Override
    public UUID aggregateId() {
        return planKey(location, partNumber);
    }

    /** The Kafka key of a plan's events: stable for a location and part. */
    public static UUID planKey(String location, String partNumber) {
        return UUID.nameUUIDFromBytes(("stock-plan:" + location + "\n" + partNumber).getBytes(StandardCharsets.UTF_8));
    }
}
