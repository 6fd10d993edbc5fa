package com.opensvc.aftersales.quality.complaint;

/**
 * RPT-01: the complaints of one group (a period, region, customer, responsible department or product): how many were
 * registered, finished, closed, major, penalised, escalated (level above 0) and left the customer dissatisfied.
 */
public record ComplaintGroupRow(String group, long complaints, long finished, long closed, long major, long penalised,
                                long escalated, long dissatisfied) {
}
