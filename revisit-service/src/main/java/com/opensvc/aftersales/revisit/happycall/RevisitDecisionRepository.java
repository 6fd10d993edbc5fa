package com.opensvc.aftersales.revisit.happycall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.revisit.happycall.RevisitDecision.Decision;
import com.opensvc.aftersales.revisit.happycall.RevisitDecision.DecisionChange;

import lombok.RequiredArgsConstructor;

/** REV-01 decisions; a decision is saved with its revisit and its event. */
@Repository
@RequiredArgsConstructor
public class RevisitDecisionRepository {
    private final JdbcClient jdbc;
    private final RevisitRepository revisits;
    private final OutboxWriter outbox;

    /** A search filter of the audit list; null fields match everything. */
    public record Filter(UUID workOrderId, UUID ticketId) {
    }

    boolean decided(UUID workOrderId) {
        return jdbc.sql("SELECT count(*) FROM revisit_decision WHERE work_order_id = :id").param("id", workOrderId)
                .query(Long.class).single() > 0;
    }

    Optional<RevisitDecision> find(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM revisit_decision WHERE work_order_id = :id").param("id", workOrderId)
                .query(this::map).optional();
    }

    /**
     * Writes the decision, the happy call it scheduled and its one event, in the caller's transaction (EVT-01).
     *
     * @throws IllegalStateException when another transaction decided the same work order first: the caller's
     *                               transaction rolls back and the redelivery finds the decision taken
     */
    void save(DecisionChange change) {
        RevisitDecision d = change.decision();
        boolean inserted = jdbc.sql("""
                INSERT INTO revisit_decision (work_order_id, ticket_id, technician_id, completed_at, coverage_month,
                    previous_work_order_id, sampling_rate, hash_value, decision, reason, revisit_id, actor, decided_at)
                VALUES (:workOrder, :ticket, :tech, :completed, :month, :previous, :rate, :hash, :decision, :reason,
                    :revisit, :actor, :now)
                ON CONFLICT (work_order_id) DO NOTHING
                """)
                .param("workOrder", d.workOrderId()).param("ticket", d.ticketId()).param("tech", d.technicianId())
                .param("completed", Timestamps.utc(d.completedAt())).param("month", d.month().toString())
                .param("previous", d.previousWorkOrderId()).param("rate", d.samplingRate())
                .param("hash", d.hashValue()).param("decision", d.decision().name()).param("reason", d.reason())
                .param("revisit", d.revisitId()).param("actor", d.actor()).param("now", Timestamps.utc(d.decidedAt()))
                .update() == 1;
        if (!inserted) {
            throw new IllegalStateException("work order " + d.workOrderId() + " was decided concurrently");
        }
        if (change.scheduled() != null && !revisits.insert(change.scheduled(), change.at())) {
            throw new IllegalStateException("work order " + d.workOrderId() + " already has a happy call");
        }
        outbox.appendAll(change.events());
    }

    public List<RevisitDecision> search(Filter filter, int limit, long offset) {
        return jdbc.sql("SELECT * FROM revisit_decision" + WHERE + " ORDER BY decided_at DESC, work_order_id"
                        + " LIMIT :limit OFFSET :offset")
                .param("workOrder", filter.workOrderId()).param("ticket", filter.ticketId()).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(Filter filter) {
        return jdbc.sql("SELECT count(*) FROM revisit_decision" + WHERE)
                .param("workOrder", filter.workOrderId()).param("ticket", filter.ticketId())
                .query(Long.class).single();
    }

    private static final String WHERE = " WHERE (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)"
            + " AND (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)";

    private RevisitDecision map(ResultSet rs, int row) throws SQLException {
        return new RevisitDecision(rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("technician_id"), Timestamps.instant(rs, "completed_at"),
                YearMonth.parse(rs.getString("coverage_month")), rs.getObject("previous_work_order_id", UUID.class),
                rs.getDouble("sampling_rate"), rs.getDouble("hash_value"), Decision.valueOf(rs.getString("decision")),
                rs.getString("reason"), rs.getObject("revisit_id", UUID.class), rs.getString("actor"),
                Timestamps.instant(rs, "decided_at"));
    }
}
