package com.opensvc.aftersales.dispatch.scorecard;

import static com.opensvc.aftersales.data.Timestamps.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.ReportPeriod.Granularity;
import com.opensvc.aftersales.web.ReportPeriod;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;

import lombok.RequiredArgsConstructor;

/**
 * Writes the scorecard facts ({@code scorecard_repair}, {@code scorecard_rating}, {@code scorecard_unreachable}); reads them joined with the work
 * orders, technicians and visit clocks (a read model: it writes none of those).
 */
@Repository
@RequiredArgsConstructor
class ScorecardRepository {
    private final JdbcClient jdbc;

    /** What RPT-01 groups field tasks by; each names its SQL (never from the request's text). */
    public enum GroupBy {
        TECHNICIAN("r.technician", "coalesce(t.name, r.technician)"),
        REGION("coalesce(w.region, '')", "coalesce(w.region, '')"),
        PRODUCT("coalesce(w.product_line, '')", "coalesce(w.product_line, '')");

        private final String key;
        private final String name;

        GroupBy(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    void recordRepair(RepairClosed closed, Fees fees) {
        jdbc.sql("""
                INSERT INTO scorecard_repair (work_order_id, ticket_id, technician, closed_at, first_time_fix, parts_fee,
                    travel_fee, service_fee, revenue)
                VALUES (:id, :ticket, :technician, :at, :ftf, :parts, :travel, :service, :revenue)
                ON CONFLICT DO NOTHING
                """)
                .param("id", closed.workOrderId()).param("ticket", closed.ticketId())
                .param("technician", closed.technicianId()).param("at", utc(closed.occurredAt()))
                .param("ftf", closed.firstTimeFix()).param("parts", fees.parts()).param("travel", fees.travel())
                .param("service", fees.service()).param("revenue", fees.total())
                .update();
    }

    void recordRating(Rating rating) {
        jdbc.sql("""
                INSERT INTO scorecard_rating (revisit_id, work_order_id, ticket_id, satisfaction, score, rated_at,
                    technician, service_quality, technical_skill, punctuality, charge_reasonable)
                VALUES (:revisit, :workOrder, :ticket, :satisfaction, :score, :at, :technician, :serviceQuality,
                    :technicalSkill, :punctuality, :chargeReasonable)
                ON CONFLICT DO NOTHING
                """)
                .param("revisit", rating.revisitId()).param("workOrder", rating.workOrderId())
                .param("ticket", rating.ticketId()).param("satisfaction", rating.satisfaction().name())
                .param("score", rating.satisfaction().score()).param("at", utc(rating.ratedAt()))
                .param("technician", rating.technicianId())
                .param("serviceQuality", Survey.score(rating.survey().serviceQuality()))
                .param("technicalSkill", Survey.score(rating.survey().technicalSkill()))
                .param("punctuality", Survey.score(rating.survey().punctuality()))
                .param("chargeReasonable", rating.survey().chargeReasonable())
                .update();
    }

    void recordUnreachable(RevisitUnreachable unreachable) {
        jdbc.sql("""
                INSERT INTO scorecard_unreachable (revisit_id, work_order_id, ticket_id, technician, attempts,
                    unreachable_at)
                VALUES (:revisit, :workOrder, :ticket, :technician, :attempts, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("revisit", unreachable.revisitId()).param("workOrder", unreachable.workOrderId())
                .param("ticket", unreachable.ticketId()).param("technician", unreachable.technicianId())
                .param("attempts", unreachable.attempts()).param("at", utc(unreachable.occurredAt()))
                .update();
    }

    /**
     * DSP-10: per technician, the work orders they closed in [from, until), those orders' visit clocks and revisit
     * ratings, and what they charged; {@code technician} null = every technician with a closed order.
     */
    List<Scorecard> scorecards(String period, Instant from, Instant until, String technician) {
        return jdbc.sql("""
                WITH repairs AS (
                    SELECT * FROM scorecard_repair
                     WHERE closed_at >= :from AND closed_at < :until
                       AND (CAST(:technician AS text) IS NULL OR technician = :technician)
                ), clocks AS (
                    SELECT r.technician, count(*) FILTER (WHERE c.state = 'MET') AS met,
                           count(*) FILTER (WHERE c.state = 'BREACHED') AS breached
                      FROM repairs r JOIN visit_clock c ON c.work_order_id = r.work_order_id
                     GROUP BY r.technician
                ), ratings AS (
                    SELECT r.technician, count(*) AS n, avg(s.score) AS average,
                           avg(s.service_quality) AS service_quality, avg(s.technical_skill) AS technical_skill,
                           avg(s.punctuality) AS punctuality,
                           count(*) FILTER (WHERE s.charge_reasonable) AS charges_reasonable,
                           count(s.charge_reasonable) AS charges_answered
                      FROM repairs r JOIN scorecard_rating s ON s.work_order_id = r.work_order_id
                     GROUP BY r.technician
                ), unreachable AS (
                    SELECT r.technician, count(*) AS n
                      FROM repairs r JOIN scorecard_unreachable u ON u.work_order_id = r.work_order_id
                     GROUP BY r.technician
                )
                SELECT r.technician, coalesce(t.name, r.technician) AS name, count(*) AS completed,
                       count(*) FILTER (WHERE r.first_time_fix) AS first_time_fixes, sum(r.revenue) AS revenue,
                       coalesce(c.met, 0) AS met, coalesce(c.breached, 0) AS breached, coalesce(g.n, 0) AS ratings,
                       g.average, g.service_quality, g.technical_skill, g.punctuality,
                       coalesce(g.charges_reasonable, 0) AS charges_reasonable,
                       coalesce(g.charges_answered, 0) AS charges_answered, coalesce(u.n, 0) AS unreachable
                  FROM repairs r
                  LEFT JOIN technician t ON t.login = r.technician
                  LEFT JOIN clocks c ON c.technician = r.technician
                  LEFT JOIN ratings g ON g.technician = r.technician
                  LEFT JOIN unreachable u ON u.technician = r.technician
                 GROUP BY r.technician, t.name, c.met, c.breached, g.n, g.average, g.service_quality,
                          g.technical_skill, g.punctuality, g.charges_reasonable, g.charges_answered, u.n
                 ORDER BY r.technician
                """)
                .param("from", utc(from)).param("until", utc(until)).param("technician", technician)
                .query((rs, row) -> scorecard(rs, period)).list();
    }

    /** The technician's name, or null for an unknown login. */
    String technicianName(String login) {
        return jdbc.sql("SELECT name FROM technician WHERE login = :login").param("login", login)
                .query(String.class).optional().orElse(null);
    }

    /** RPT-01: field tasks and fees per period of {@code granularity} (in {@code zone}) and group, in [from, until). */
    List<FieldTaskRow> fieldTasks(Granularity granularity, GroupBy groupBy, Instant from, Instant until, ZoneId zone) {
        return jdbc.sql("""
                SELECT CAST(date_trunc(:unit, r.closed_at AT TIME ZONE :zone) AS date) AS period_start,
                       %s AS grp, %s AS grp_name, count(*) AS tasks,
                       count(*) FILTER (WHERE r.first_time_fix) AS first_time_fixes, sum(r.parts_fee) AS parts,
                       sum(r.travel_fee) AS travel, sum(r.service_fee) AS service, sum(r.revenue) AS fees
                  FROM scorecard_repair r
                  JOIN work_order w ON w.id = r.work_order_id
                  LEFT JOIN technician t ON t.login = r.technician
                 WHERE r.closed_at >= :from AND r.closed_at < :until
                 GROUP BY 1, 2, 3
                 ORDER BY 1, 2
                """.formatted(groupBy.key, groupBy.name))
                .param("unit", granularity.unit()).param("zone", zone.getId())
                .param("from", utc(from)).param("until", utc(until))
                .query((rs, row) -> new FieldTaskRow(
                        ReportPeriod.of(granularity, rs.getObject("period_start", LocalDate.class)).label(),
                        rs.getString("grp"), rs.getString("grp_name"), rs.getInt("tasks"),
                        rs.getInt("first_time_fixes"), money(rs, "parts"), money(rs, "travel"), money(rs, "service"),
                        money(rs, "fees")))
                .list();
    }

    private static Scorecard scorecard(ResultSet rs, String period) throws SQLException {
        int completed = rs.getInt("completed");
        int firstTime = rs.getInt("first_time_fixes");
        int met = rs.getInt("met");
        int breached = rs.getInt("breached");
        int ratings = rs.getInt("ratings");
        return new Scorecard(rs.getString("technician"), rs.getString("name"), period, completed, firstTime,
                Scorecard.ratio(firstTime, completed), met, breached, Scorecard.ratio(met, met + breached),
                ratings, average(rs, "average"), money(rs, "revenue"), ratings, rs.getInt("unreachable"),
                average(rs, "service_quality"), average(rs, "technical_skill"), average(rs, "punctuality"),
                Scorecard.ratio(rs.getInt("charges_reasonable"), rs.getInt("charges_answered")));
    }

    private static BigDecimal average(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }
}
