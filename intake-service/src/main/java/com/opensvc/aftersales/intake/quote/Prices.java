package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.opensvc.aftersales.web.PageOf;

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

    /**
     * One page of a price list as its clients read it: the platform's {@link PageOf}, with the number of entries
     * named {@code total} (the price lists' published shape).
     */
    public record Page<T>(List<T> items, int page, int size, long total) {
        static <T> Page<T> of(PageOf<T> page) {
            return new Page<>(page.items(), page.page(), page.size(), page.totalItems());
        }
    }
}
