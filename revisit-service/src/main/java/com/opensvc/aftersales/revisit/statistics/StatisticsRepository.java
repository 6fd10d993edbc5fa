package com.opensvc.aftersales.revisit.statistics;

import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.revisit.statistics.MonthlyStatistics.ListedRevisit;

import lombok.RequiredArgsConstructor;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code revisit_monthly_statistics} only; reads revisits, decisions and ticket facts (a read model: it writes
 * none of those).
 */
@Repository
@RequiredArgsConstructor
class StatisticsRepository {
    /** REV-04's scale as a number: very satisfied 4 … dissatisfied 1. */
    private static final String SCORE = """
            CASE %s WHEN 'VERY_SATISFIED' THEN 4 WHEN 'SATISFIED' THEN 3 WHEN 'NEUTRAL' THEN 2 WHEN 'DISSATISFIED' THEN 1
            END""";
    private static final TypeReference<List<RevisitFigures>> FIGURES = new TypeReference<>() { };
    private static final TypeReference<List<ListedRevisit>> LISTED = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** The revisit side per group ({@code key} is SQL over {@code r} and {@code f}), revisits due in [from, until). */
    List<RevisitFigures> revisitFigures(String key, Instant from, Instant until, Instant now) {
        return jdbc.sql("""
                SELECT %1$s AS grp, count(*) AS due,
                       count(*) FILTER (WHERE r.state IN ('COMPLETED', 'DISSATISFIED')) AS answered,
                       count(*) FILTER (WHERE r.state = 'COMPLETED' AND r.overall = 'VERY_SATISFIED') AS very_satisfied,
                       count(*) FILTER (WHERE r.state = 'COMPLETED' AND r.overall = 'SATISFIED') AS satisfied,
                       count(*) FILTER (WHERE r.state = 'COMPLETED' AND r.overall = 'NEUTRAL') AS neutral,
                       count(*) FILTER (WHERE r.state = 'DISSATISFIED') AS dissatisfied,
                       count(*) FILTER (WHERE r.state = 'UNREACHABLE') AS unreachable,
                       count(*) FILTER (WHERE r.state = 'SCHEDULED') AS open,
                       count(*) FILTER (WHERE r.state = 'SCHEDULED' AND r.due_by < :now) AS overdue,
                       avg(%2$s) AS service_quality, avg(%3$s) AS technical_skill, avg(%4$s) AS punctuality,
                       avg(%5$s) AS overall,
                       count(*) FILTER (WHERE r.overall IS NOT NULL AND r.charge_reasonable) AS charges_reasonable,
                       count(*) FILTER (WHERE r.overall IS NOT NULL AND r.charge_reasonable IS NOT NULL)
                           AS charges_answered
                  FROM revisit r LEFT JOIN ticket_fact f ON f.ticket_id = r.ticket_id
                 WHERE r.due_by >= :from AND r.due_by < :until
                 GROUP BY 1 ORDER BY 1
                """.formatted(key, SCORE.formatted("r.service_quality"), SCORE.formatted("r.technical_skill"),
                        SCORE.formatted("r.punctuality"), SCORE.formatted("r.overall")))
                .param("from", utc(from)).param("until", utc(until)).param("now", utc(now))
                .query(StatisticsRepository::figures).list();
    }

    /** The sampling side per group (REV-01): work orders completed in [from, until) and how many got a happy call. */
    Map<String, int[]> decisions(String key, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT %s AS grp, count(*) AS completed, count(*) FILTER (WHERE d.decision = 'SCHEDULED') AS scheduled
                  FROM revisit_decision d LEFT JOIN ticket_fact f ON f.ticket_id = d.ticket_id
                 WHERE d.completed_at >= :from AND d.completed_at < :until
                 GROUP BY 1
                """.formatted(key))
                .param("from", utc(from)).param("until", utc(until))
                .query((rs, row) -> Map.entry(rs.getString("grp"),
                        new int[] {rs.getInt("completed"), rs.getInt("scheduled")}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** REV-06, REV-05: the revisits due in [from, until) that ended in {@code condition} (fixed SQL). */
    List<ListedRevisit> listed(String condition, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT r.id, r.ticket_id, f.ticket_number, r.kind, r.technician_id, r.attempts, r.agent, r.completed_at
                  FROM revisit r LEFT JOIN ticket_fact f ON f.ticket_id = r.ticket_id
                 WHERE r.due_by >= :from AND r.due_by < :until AND %s
                 ORDER BY r.due_by, r.id
                """.formatted(condition))
                .param("from", utc(from)).param("until", utc(until))
                .query((rs, row) -> new ListedRevisit(rs.getObject("id", UUID.class),
                        rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"), rs.getString("kind"),
                        rs.getString("technician_id"), rs.getInt("attempts"), rs.getString("agent"),
                        Timestamps.instant(rs, "completed_at")))
                .list();
    }

    /** REV-07: keeps the month's statistics unless kept already (the unique month); true when this call kept them. */
    boolean keep(MonthlyStatistics s) {
        return jdbc.sql("""
                INSERT INTO revisit_monthly_statistics (id, month, period_from, period_until, totals, technicians,
                                                        unreachable, flagged_for_review, produced_by, produced_at)
                VALUES (:id, :month, :from, :until, CAST(:totals AS jsonb), CAST(:technicians AS jsonb),
                        CAST(:unreachable AS jsonb), CAST(:flagged AS jsonb), :by, :at)
                ON CONFLICT (month) DO NOTHING
                """)
                .param("id", s.id()).param("month", s.month().toString()).param("from", s.from())
                .param("until", s.until()).param("totals", json.writeValueAsString(s.totals()))
                .param("technicians", json.writeValueAsString(s.technicians()))
                .param("unreachable", json.writeValueAsString(s.unreachable()))
                .param("flagged", json.writeValueAsString(s.flaggedForReview()))
                .param("by", s.producedBy()).param("at", utc(s.producedAt()))
                .update() == 1;
    }

    boolean kept(YearMonth month) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM revisit_monthly_statistics WHERE month = :month)")
                .param("month", month.toString()).query(Boolean.class).single();
    }

    Optional<MonthlyStatistics> find(YearMonth month) {
        return jdbc.sql("SELECT * FROM revisit_monthly_statistics WHERE month = :month")
                .param("month", month.toString()).query(this::statistics).optional();
    }

    List<MonthlyStatistics> list(long offset, int limit) {
        return jdbc.sql("SELECT * FROM revisit_monthly_statistics ORDER BY month DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(this::statistics).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM revisit_monthly_statistics").query(Long.class).single();
    }

    private MonthlyStatistics statistics(ResultSet rs, int row) throws SQLException {
        return new MonthlyStatistics(rs.getObject("id", UUID.class), YearMonth.parse(rs.getString("month")),
                rs.getObject("period_from", java.time.LocalDate.class),
                rs.getObject("period_until", java.time.LocalDate.class),
                json.readValue(rs.getString("totals"), RevisitFigures.class),
                json.readValue(rs.getString("technicians"), FIGURES),
                json.readValue(rs.getString("unreachable"), LISTED),
                json.readValue(rs.getString("flagged_for_review"), LISTED),
                rs.getString("produced_by"), Timestamps.instant(rs, "produced_at"));
    }

    private static RevisitFigures figures(ResultSet rs, int row) throws SQLException {
        int answered = rs.getInt("answered");
        int verySatisfied = rs.getInt("very_satisfied");
        int satisfied = rs.getInt("satisfied");
        return new RevisitFigures(rs.getString("grp"), rs.getInt("due"), answered, verySatisfied, satisfied,
                rs.getInt("neutral"), rs.getInt("dissatisfied"), rs.getInt("unreachable"), rs.getInt("open"),
                rs.getInt("overdue"), RevisitFigures.ratio(verySatisfied + satisfied, answered),
                RevisitFigures.average(rs.getBigDecimal("service_quality")),
                RevisitFigures.average(rs.getBigDecimal("technical_skill")),
                RevisitFigures.average(rs.getBigDecimal("punctuality")),
                RevisitFigures.average(rs.getBigDecimal("overall")),
                RevisitFigures.ratio(rs.getInt("charges_reasonable"), rs.getInt("charges_answered")), 0, 0, null);
    }
}
