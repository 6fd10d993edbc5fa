package com.opensvc.aftersales.intake.complaint;

import java.math.BigDecimal;

/** One penalty decided at execution (INT-21). */
public record Penalty(String person, String kind, BigDecimal amount, String note, boolean departmentAssessed) {
}
