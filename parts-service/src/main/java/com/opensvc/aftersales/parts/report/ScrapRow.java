package com.opensvc.aftersales.parts.report;

import java.math.BigDecimal;

/** PRT-07: parts scrapped at a location in one period, valued at the catalogue's current unit price. */
public record ScrapRow(String period, String location, String partNumber, String description, int quantity,
                       BigDecimal unitPrice, BigDecimal value, String currency) {
}
