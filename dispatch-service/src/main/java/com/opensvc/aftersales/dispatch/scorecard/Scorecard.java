package com.opensvc.aftersales.dispatch.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DSP-10: one technician's figures for one period. Rates are fractions 0–1 (null without anything to count);
 * {@code averageSatisfaction} is on the 1–4 scale of {@link Satisfaction}; {@code revenue} is what the period's paid
 * repairs charged ({@link Fees}).
 *
 * @param completedOrders   work orders the technician closed FIXED in the period
 * @param firstTimeFixes    of those, fixed on the first visit (DSP-01, DSP-06)
 * @param clocksMet         their SLA-04 visit clocks (arrival, fix) met in time
 * @param clocksBreached    their visit clocks breached (late, or overdue when the order closed)
 * @param ratings           revisit results about those work orders (REV-07)
 * @param revisitsAnswered  the same count: happy calls about those work orders the customer answered (REV-07)
 * @param revisitsUnreachable happy calls about those work orders that found nobody (REV-06)
 * @param averageServiceQuality REV-04's answers about those work orders on the 1–4 scale, as are the next two
 * @param reasonableChargeShare the answered who found the charge reasonable, 0–1
 */
public record Scorecard(String technicianId, String technicianName, String period, int completedOrders,
                        int firstTimeFixes, BigDecimal firstTimeFixRate, int clocksMet, int clocksBreached,
                        BigDecimal slaCompliance, int ratings, BigDecimal averageSatisfaction, BigDecimal revenue,
                        int revisitsAnswered, int revisitsUnreachable, BigDecimal averageServiceQuality,
                        BigDecimal averageTechnicalSkill, BigDecimal averagePunctuality,
                        BigDecimal reasonableChargeShare) {

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
