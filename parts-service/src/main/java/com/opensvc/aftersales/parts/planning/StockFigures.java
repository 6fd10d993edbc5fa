package com.opensvc.aftersales.parts.planning;

/**
 * PRT-06: what the storekeeper plans for a part at a location; 0 ≤ safety stock ≤ minimum ≤ maximum (checked by
 * {@link PlanInput#figures()}, and by the database).
 */
public record StockFigures(int safetyStock, int minimum, int maximum) {
}
