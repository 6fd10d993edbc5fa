package com.opensvc.aftersales.parts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A catalogue part (DOMAIN.md §5) as the API and the other features see it.
 *
 * @param unitPrice     the storekeeper's price (INT-08), two decimals, in the configured currency
 * @param fittingModels the product models the part fits, sorted
 * @param active        false once retired (SEC-05: parts are retired, never deleted)
 * @param version       the ETag of {@code PUT /api/parts/catalogue/{partNumber}}
 */
public record Part(String partNumber, String description, BigDecimal unitPrice, boolean serialised,
                   List<String> fittingModels, boolean active, int version, Instant updatedAt, String updatedBy) {
}
