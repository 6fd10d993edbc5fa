package com.opensvc.aftersales.quality.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/**
 * The read model of quality's reports (QLT-03, RPT-01): it reads the defect records, the ticket facts (region,
 * customer, referrer), the improvement reports and its own part usage; it never writes any of them. Columns that the
 * defect record gains later (its analysis state, due date and conclusion) are read when the table has them.
 */
@Repository
@RequiredArgsConstructor
class ReportRepository {
    private static final String FROM_DEFECTS = """
             FROM defect d LEFT JOIN ticket_fact t ON t.ticket_id = d.ticket_id
            WHERE d.recorded_at >= :start AND d.recorded_at < :end""";

    private final JdbcClient jdbc;

    /** Defects of the window counted by one or two dimensions, ordered by their keys. */
    List<Map<String, Object>> countBy(List<Dimension> dimensions, Window window, ZoneId zone) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < dimensions.size(); i++) {
            select.append(dimensions.get(i).sql()).append(" AS k").append(i).append(", ");
        }
        String groups = dimensions.size() == 1 ? "1" : "1, 2";
        String sql = select + "count(*) AS n" + FROM_DEFECTS + " GROUP BY " + groups + " ORDER BY " + groups;
        return jdbc.sql(sql).param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .param("zone", zone.getId())
                .query((rs, row) -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    for (int i = 0; i < dimensions.size(); i++) {
                        line.put(dimensions.get(i).parameter(), rs.getString("k" + i));
                    }
                    line.put("defects", rs.getLong("n"));
                    return line;
                }).list();
    }

    /** One section of a report: defects of the window by one non-period dimension, most first. */
    List<Count> section(Dimension dimension, Window window) {
        return jdbc.sql("SELECT " + dimension.sql() + " AS k, count(*) AS n" + FROM_DEFECTS
                        + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .query((rs, row) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
    }

    long total(Window window) {
        return jdbc.sql("SELECT count(*)" + FROM_DEFECTS)
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .query(Long.class).single();
    }

    /** Parts used (consumed) and returned unused in the window, by part number. */
    List<PartFigures> partUsage(Window window) {
        return jdbc.sql("""
                        SELECT part_number, COALESCE(sum(quantity) FILTER (WHERE used), 0) AS used,
                               COALESCE(sum(quantity) FILTER (WHERE NOT used), 0) AS unused
                          FROM part_usage WHERE occurred_at >= :start AND occurred_at < :end
                         GROUP BY part_number ORDER BY part_number""")
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .query((rs, row) -> new PartFigures(rs.getString("part_number"), rs.getLong("used"),
                        rs.getLong("unused"))).list();
    }

    /** Open items at {@code end}: what the departments' meeting has still to settle. */
    OpenItems openItems(Instant end) {
        long withoutDepartment = jdbc.sql("""
                        SELECT count(*) FROM defect WHERE responsible_department IS NULL AND recorded_at < :end""")
                .param("end", Timestamps.utc(end)).query(Long.class).single();
        long overdue = jdbc.sql("""
                        SELECT count(*) FROM defect WHERE state = 'AWAITING_ANALYSIS' AND analysis_due_by < :end
                           AND recorded_at < :end""")
                .param("end", Timestamps.utc(end)).query(Long.class).single();
        long notClosed = jdbc.sql("SELECT count(*) FROM improvement_report WHERE opened_at < :end AND state <> 'CLOSED'")
                .param("end", Timestamps.utc(end)).query(Long.class).single();
        return new OpenItems(withoutDepartment, overdue, notClosed);
    }

    /** Improvement reports opened and closed in the window (QLT-05 figures for management). */
    Count[] improvementReports(Window window) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE opened_at >= :start AND opened_at < :end) AS opened,
                               count(*) FILTER (WHERE closed_at >= :start AND closed_at < :end) AS closed
                          FROM improvement_report""")
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .query((rs, row) -> new Count[] {new Count("opened", rs.getLong("opened")),
                        new Count("closed", rs.getLong("closed"))}).single();
    }

    /** Everyone who forwarded a ticket with a defect recorded in the window (QLT-03: the salespeople to answer). */
    List<String> referrers(Window window) {
        return jdbc.sql("SELECT DISTINCT t.referred_by_name" + FROM_DEFECTS
                        + " AND t.referred_by_name IS NOT NULL ORDER BY 1")
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .query(String.class).list();
    }

    /** The failures one referrer reported, with what quality found so far. */
    List<Answer> answers(String referrer, Window window) {
        return jdbc.sql("SELECT d.id, d.ticket_id, t.ticket_number, t.referred_by_department, d.product_model, "
                        + "d.serial_number, d.failure_mode, d.cause, d.responsible_department, d.conclusion, d.state, "
                        + "d.recorded_at" + FROM_DEFECTS
                        + " AND t.referred_by_name = :referrer ORDER BY d.recorded_at, d.id")
                .param("start", Timestamps.utc(window.start())).param("end", Timestamps.utc(window.end()))
                .param("referrer", referrer).query(this::answer).list();
    }

    private Answer answer(ResultSet rs, int row) throws SQLException {
        return new Answer(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), rs.getString("referred_by_department"), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("failure_mode"), rs.getString("cause"),
                rs.getString("responsible_department"), rs.getString("conclusion"), rs.getString("state"),
                Timestamps.instant(rs, "recorded_at"));
    }

    record PartFigures(String partNumber, long used, long unused) {
    }

    record OpenItems(long defectsWithoutDepartment, long overdueAnalyses, long improvementReportsNotClosed) {
    }

    record Answer(UUID defectId, UUID ticketId, String ticketNumber, String referrerDepartment, String productModel,
                  String serialNumber, String failureMode, String cause, String responsibleDepartment,
                  String conclusion, String state, Instant recordedAt) {
    }
}
