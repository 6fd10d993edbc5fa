package com.opensvc.aftersales.quality.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * RPT-01: what defects are counted by — a calendar period of the company zone, or who and what they concern. Region and
 * customer come from the ticket (quality's ticket facts), UNKNOWN until intake's TicketAccepted arrived; a defect with
 * no responsible department yet counts as UNASSIGNED. The SQL expressions are constants (never request text).
 */
public enum Dimension {
    YEAR("year", true, "to_char(d.recorded_at AT TIME ZONE :zone, 'YYYY')"),
    QUARTER("quarter", true, "to_char(d.recorded_at AT TIME ZONE :zone, 'YYYY-\"Q\"Q')"),
    MONTH("month", true, "to_char(d.recorded_at AT TIME ZONE :zone, 'YYYY-MM')"),
    DAY("day", true, "to_char(d.recorded_at AT TIME ZONE :zone, 'YYYY-MM-DD')"),
    REGION("region", false, "COALESCE(t.region, 'UNKNOWN')"),
    CUSTOMER("customer", false, "COALESCE(CAST(t.customer_id AS text), 'UNKNOWN')"),
    DEPARTMENT("department", false, "COALESCE(d.responsible_department, 'UNASSIGNED')"),
    PRODUCT("product", false, "d.product_model"),
    FAILURE_MODE("failureMode", false, "d.failure_mode"),
    SOURCE("source", false, "d.source");

    public static final String UNASSIGNED = "UNASSIGNED";

    private final String parameter;
    private final boolean period;
    private final String sql;

    Dimension(String parameter, boolean period, String sql) {
        this.parameter = parameter;
        this.period = period;
        this.sql = sql;
    }

    /** The name in {@code groupBy} and the column's name in the answer. */
    public String parameter() {
        return parameter;
    }

    boolean isPeriod() {
        return period;
    }

    String sql() {
        return sql;
    }

    static Optional<Dimension> of(String parameter) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst();
    }

    static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Dimension::parameter).toList());
    }
}
