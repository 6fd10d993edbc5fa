package com.opensvc.aftersales.parts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * INT-08, SEC-03: a unit price the storekeeper set, from what to what, by whom and when; the part's first price has
 * no {@code oldPrice}.
 */
public record PriceChange(String partNumber, BigDecimal oldPrice, BigDecimal newPrice, String changedBy,
                          Instant changedAt) {
}
