package com.opensvc.aftersales.revisit.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.Candidate;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.DueBasis;

import lombok.RequiredArgsConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * REV-01 monthly coverage: writes only {@code coverage_top_up}; reads happycall's decisions as a read model (the
 * decision of every completed work order, with its month and sampling value).
 */
@Repository
@RequiredArgsConstructor
public class CoverageRepository {
    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** A technician of the month with completed orders and no happy call yet: their orders, as the top-up sees them. */
    record Uncovered(String technicianId, List<Candidate> orders) {
    }

    /** What a top-up run found for a month: technicians with completed orders, and those the top-up must cover. */
    record MonthState(int techniciansWithOrders, List<Uncovered> uncovered) {
    }

    /**
     * The month's technicians with completed work orders; uncovered are those with no happy call (no SCHEDULED
     * decision) and no top-up yet, with every order's window as seen at {@code runAt}.
     */
    MonthState monthState(YearMonth month, Instant runAt) {
        Map<String, List<Candidate>> byTechnician = new LinkedHashMap<>();
        Map<String, Boolean> covered = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.technician_id, d.work_order_id, d.ticket_id, d.completed_at, d.hash_value, d.decision,
                       EXISTS (SELECT 1 FROM coverage_top_up t WHERE t.technician_id = d.technician_id
                                  AND t.coverage_month = d.coverage_month) AS topped_up
                  FROM revisit_decision d WHERE d.coverage_month = :month
                 ORDER BY d.technician_id, d.work_order_id
                """).param("month", month.toString()).query(rs -> {
            String technician = rs.getString("technician_id");
            boolean scheduled = "SCHEDULED".equals(rs.getString("decision"));
            covered.merge(technician, scheduled || rs.getBoolean("topped_up"), Boolean::logicalOr);
            List<Candidate> orders = byTechnician.computeIfAbsent(technician, t -> new ArrayList<>());
            if (!scheduled) {
                Instant completed = Timestamps.instant(rs, "completed_at");
                orders.add(new Candidate(rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        completed, rs.getDouble("hash_value"), CoverageTopUp.windowOpen(completed, runAt)));
            }
        });
        List<Uncovered> uncovered = byTechnician.entrySet().stream()
                .filter(e -> !covered.get(e.getKey()) && !e.getValue().isEmpty())
                .map(e -> new Uncovered(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new MonthState(byTechnician.size(), uncovered);
    }

    /**
     * Records the technician's top-up. The primary key (technician, month) lets exactly one of two concurrent runs
     * record it: the second waits for the first to commit and then records nothing.
     *
     * @return false when the technician's month was topped up already
     */
    boolean insert(CoverageTopUp t) {
        return jdbc.sql("""
                INSERT INTO coverage_top_up (technician_id, coverage_month, work_order_id, ticket_id, revisit_id,
                    completed_at, hash_value, window_open, due_basis, due_by, candidates, run_id, actor, topped_up_at)
                VALUES (:tech, :month, :workOrder, :ticket, :revisit, :completed, :hash, :open, :basis, :due,
                    CAST(:candidates AS jsonb), :run, :actor, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("tech", t.technicianId()).param("month", t.month().toString())
                .param("workOrder", t.workOrderId()).param("ticket", t.ticketId()).param("revisit", t.revisitId())
                .param("completed", Timestamps.utc(t.completedAt())).param("hash", t.hashValue())
                .param("open", t.windowOpen()).param("basis", t.dueBasis().name())
                .param("due", Timestamps.utc(t.dueBy())).param("candidates", json.writeValueAsString(t.candidates()))
                .param("run", t.runId()).param("actor", t.actor()).param("at", Timestamps.utc(t.toppedUpAt()))
                .update() == 1;
    }

    /** A search filter of the top-up audit; null fields match everything. */
    public record Filter(YearMonth month, String technicianId, UUID workOrderId) {
    }

    public List<CoverageTopUp> search(Filter filter, int limit, long offset) {
        return filtered(jdbc.sql("SELECT * FROM coverage_top_up" + WHERE
                + " ORDER BY coverage_month DESC, technician_id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(Filter filter) {
        return filtered(jdbc.sql("SELECT count(*) FROM coverage_top_up" + WHERE), filter).query(Long.class).single();
    }

    private static final String WHERE = " WHERE (CAST(:month AS text) IS NULL OR coverage_month = :month)"
            + " AND (CAST(:tech AS text) IS NULL OR technician_id = :tech)"
            + " AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)";

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Filter filter) {
        return sql.param("month", filter.month() == null ? null : filter.month().toString())
                .param("tech", filter.technicianId()).param("workOrder", filter.workOrderId());
    }

    /** REV-01 coverage of one month and technician: what was completed, what was called and why. */
    public record TechnicianCoverage(String technicianId, long ordersCompleted, long happyCalls, long sampled,
                                     long repeatRepairs, long monthlyCoverage, boolean covered, CoverageTopUp topUp) {
    }

    public List<TechnicianCoverage> coverage(YearMonth month, String technicianId, int limit, long offset) {
        List<TechnicianCoverage> rows = jdbc.sql("""
                SELECT d.technician_id, count(*) AS orders,
                       count(*) FILTER (WHERE d.decision = 'SCHEDULED') AS scheduled,
                       count(*) FILTER (WHERE d.reason = 'SAMPLED') AS sampled,
                       count(*) FILTER (WHERE d.reason = 'REPEAT_REPAIR') AS repeats,
                       count(*) FILTER (WHERE d.reason = 'TECHNICIAN_MONTHLY_COVERAGE') AS first_of_month,
                       bool_or(t.technician_id IS NOT NULL) AS topped_up
                  FROM revisit_decision d
                  LEFT JOIN coverage_top_up t ON t.technician_id = d.technician_id AND t.coverage_month = d.coverage_month
                 WHERE d.coverage_month = :month AND (CAST(:tech AS text) IS NULL OR d.technician_id = :tech)
                 GROUP BY d.technician_id ORDER BY d.technician_id LIMIT :limit OFFSET :offset
                """).param("month", month.toString()).param("tech", technicianId).param("limit", limit)
                .param("offset", offset).query((rs, row) -> {
                    boolean toppedUp = rs.getBoolean("topped_up");
                    long happyCalls = rs.getLong("scheduled") + (toppedUp ? 1 : 0);
                    return new TechnicianCoverage(rs.getString("technician_id"), rs.getLong("orders"), happyCalls,
                            rs.getLong("sampled"), rs.getLong("repeats"),
                            rs.getLong("first_of_month") + (toppedUp ? 1 : 0), happyCalls > 0, null);
                }).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, CoverageTopUp> topUps = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM coverage_top_up WHERE coverage_month = :month AND technician_id IN (:techs)")
                .param("month", month.toString()).param("techs", rows.stream().map(TechnicianCoverage::technicianId).toList())
                .query(this::map).list().forEach(t -> topUps.put(t.technicianId(), t));
        return rows.stream().map(r -> new TechnicianCoverage(r.technicianId(), r.ordersCompleted(), r.happyCalls(),
                r.sampled(), r.repeatRepairs(), r.monthlyCoverage(), r.covered(), topUps.get(r.technicianId()))).toList();
    }

    public long countTechnicians(YearMonth month, String technicianId) {
        return jdbc.sql("""
                SELECT count(DISTINCT technician_id) FROM revisit_decision
                 WHERE coverage_month = :month AND (CAST(:tech AS text) IS NULL OR technician_id = :tech)
                """).param("month", month.toString()).param("tech", technicianId).query(Long.class).single();
    }

    private CoverageTopUp map(ResultSet rs, int row) throws SQLException {
        return new CoverageTopUp(rs.getString("technician_id"), YearMonth.parse(rs.getString("coverage_month")),
                rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("revisit_id", UUID.class), Timestamps.instant(rs, "completed_at"),
                rs.getDouble("hash_value"), rs.getBoolean("window_open"), DueBasis.valueOf(rs.getString("due_basis")),
                Timestamps.instant(rs, "due_by"), json.readValue(rs.getString("candidates"), CANDIDATES),
                rs.getObject("run_id", UUID.class), rs.getString("actor"), Timestamps.instant(rs, "topped_up_at"));
    }
}
