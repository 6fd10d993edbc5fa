package com.opensvc.aftersales.revisit.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * RPT-01, REV-07: the revisit figures of one group (a region, technician, product line, kind or agent; {@code ""} when
 * the revisit has none) for one period. Revisits count by their due date in the period; the sampling side (REV-01)
 * counts work orders by their completion in the period. Rates are fractions 0–1 and averages lie on the 1–4 scale
 * (4 = very satisfied); each is null when there is nothing to count.
 *
 * @param due                  revisits due in the period
 * @param answered             of those, the customer answered the survey (REV-04)
 * @param neutral              answered neutral overall: completed, flagged for the supervisor's review (REV-05)
 * @param unreachable          no answer after the allowed attempts (REV-06)
 * @param open                 not done yet (neither answered nor unreachable)
 * @param overdue              of the open ones, past their due time
 * @param satisfactionRate     very satisfied or satisfied overall, of the answered
 * @param reasonableChargeShare the answered who found the charge reasonable
 * @param completedWorkOrders  work orders completed in the period (revisit's decisions, REV-01)
 * @param happyCallsScheduled  of those, how many got a happy call
 * @param sampleShare          happy calls scheduled of completed work orders
 */
public record RevisitFigures(String group, int due, int answered, int verySatisfied, int satisfied, int neutral,
                             int dissatisfied, int unreachable, int open, int overdue, BigDecimal satisfactionRate,
                             BigDecimal averageServiceQuality, BigDecimal averageTechnicalSkill,
                             BigDecimal averagePunctuality, BigDecimal averageOverall,
                             BigDecimal reasonableChargeShare, int completedWorkOrders, int happyCallsScheduled,
                             BigDecimal sampleShare) {

    /** The group with the sampling side added. */
    RevisitFigures withSampling(int completed, int scheduled) {
        return new RevisitFigures(group, due, answered, verySatisfied, satisfied, neutral, dissatisfied, unreachable,
                open, overdue, satisfactionRate, averageServiceQuality, averageTechnicalSkill, averagePunctuality,
                averageOverall, reasonableChargeShare, completed, scheduled, ratio(scheduled, completed));
    }

    /** A group that has decisions in the period but no revisit due in it. */
    static RevisitFigures none(String group) {
        return new RevisitFigures(group, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0, 0, null);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal average(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
