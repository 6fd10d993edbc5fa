package com.opensvc.aftersales.parts.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * PRT-07: what the stock is worth: on hand × the catalogue's unit price per location and part, each location's
 * total and the overall total, in the catalogue's currency ({@code aftersales.parts.currency}). Only parts with
 * stock on hand are listed.
 */
public record InventoryValue(String currency, BigDecimal total, List<LocationValue> locations) {

    public record LocationValue(String location, String kind, BigDecimal total, List<PartValue> parts) {
    }

    public record PartValue(String partNumber, String description, int onHand, BigDecimal unitPrice,
                            BigDecimal value) {
    }
}
