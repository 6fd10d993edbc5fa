package com.opensvc.aftersales.parts.stock;

/**
 * In-process: the on-hand or reserved quantity of a part at a location changed, in the current transaction.
 * Published by {@link StockService} after every movement, reservation and release; planning (PRT-06) listens
 * synchronously to publish {@code StockBelowMinimum} once per crossing.
 */
public record StockChanged(String location, String partNumber) {
}
