package com.opensvc.aftersales.parts.report;

/**
 * PRT-07: parts consumed for one product model in one period ({@code 2026-11}, or the whole range
 * {@code 2026-11-01/2026-11-30}), split by reason: under warranty and on paid work; {@code productModel} is null
 * where the ledger movement did not name one.
 */
public record ConsumptionRow(String period, String productModel, String partNumber, String description,
                             int underWarranty, int onPaidWork, int quantity) {
}
