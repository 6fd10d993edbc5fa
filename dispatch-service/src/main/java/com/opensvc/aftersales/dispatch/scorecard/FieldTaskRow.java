package com.opensvc.aftersales.dispatch.scorecard;

import java.math.BigDecimal;

/**
 * RPT-01: field tasks (work orders closed FIXED) and their fees for one period and one technician, region or product
 * line ({@code group}; {@code groupName} is the technician's name, else the group again).
 */
public record FieldTaskRow(String period, String group, String groupName, int tasks, int firstTimeFixes,
                           BigDecimal partsFees, BigDecimal travelFees, BigDecimal serviceFees, BigDecimal fees) {
}
