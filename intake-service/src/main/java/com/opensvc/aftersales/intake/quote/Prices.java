package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.time.Instant;

/** Intake's own price lists (INT-08): finance sets labour and travel, the storekeeper or finance part prices. */
public final class Prices {
    private Prices() {
    }

    public record PartPrice(String partNumber, String description, BigDecimal cataloguePrice, BigDecimal costPrice,
                            int version, Instant updatedAt, String updatedBy) {
    }

    public record LabourRate(String code, String description, BigDecimal hourlyRate, int version, Instant updatedAt,
                             String updatedBy) {
    }

    public record TravelPrice(String zone, String description, BigDecimal price, int version, Instant updatedAt,
                              String updatedBy) {
    }

    /** One page of a price list; {@code page} counts from 0. */
    public record Page<T>(java.util.List<T> items, int page, int size, long total) {
    }
}
