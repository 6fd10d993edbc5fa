package com.opensvc.aftersales.dispatch.clock;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderState;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class VisitClockRepository {
    private final JdbcClient jdbc;

    /** @return false when the work order already has a clock of this kind (it keeps the first one) */
    boolean startIfAbsent(UUID workOrderId, UUID ticketId, VisitClockKind kind, Instant startedAt, Instant dueAt) {
        return jdbc.sql("""
                INSERT INTO visit_clock (id, work_order_id, ticket_id, kind, started_at, due_at, state)
                VALUES (:id, :workOrder, :ticket, :kind, :started, :due, 'RUNNING')
                ON CONFLICT (work_order_id, kind) DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("workOrder", workOrderId).param("ticket", ticketId)
                .param("kind", kind.name()).param("started", utc(startedAt)).param("due", utc(dueAt))
                .update() == 1;
    }

    /**
     * The milestone was reached at {@code at}. A clock reached in time becomes MET. One reached late keeps its state
     * (RUNNING until the job breaches it, so the breach is still published exactly once, or already BREACHED) and
     * only notes when the milestone came.
     */
    void reached(UUID workOrderId, VisitClockKind kind, Instant at) {
        jdbc.sql("""
                UPDATE visit_clock
                   SET met_at = :at, version = version + 1,
                       state = CASE WHEN state = 'RUNNING' AND due_at >= :at THEN 'MET' ELSE state END
                 WHERE work_order_id = :workOrder AND kind = :kind AND met_at IS NULL
                   AND state IN ('RUNNING', 'BREACHED')
                """)
                .param("workOrder", workOrderId).param("kind", kind.name()).param("at", utc(at)).update();
    }

    /** An overdue clock with what the breach needs to know about its work order. */
    record Overdue(UUID clockId, UUID workOrderId, UUID ticketId, VisitClockKind kind, Instant dueAt,
                          String technician, WorkOrderState workOrderState) {
    }

    /**
     * SLA-07: claims up to {@code limit} running clocks due by {@code now}, locking them. Clocks another transaction
     * holds (another replica's job, or a technician reaching the milestone right now) are skipped, not waited for,
     * so each clock is claimed by one run only; a claimed clock leaves RUNNING in the same transaction.
     */
    List<Overdue> claimOverdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.work_order_id, c.ticket_id, c.kind, c.due_at, w.technician, w.state AS work_order_state
                  FROM visit_clock c JOIN work_order w ON w.id = c.work_order_id
                 WHERE c.state = 'RUNNING' AND c.due_at <= :now
                 ORDER BY c.due_at, c.id
                 LIMIT :limit
                   FOR UPDATE OF c SKIP LOCKED
                """)
                .param("now", utc(now)).param("limit", limit)
                .query((rs, row) -> new Overdue(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                        rs.getObject("ticket_id", UUID.class), VisitClockKind.valueOf(rs.getString("kind")),
                        instant(rs, "due_at"), rs.getString("technician"),
                        WorkOrderState.valueOf(rs.getString("work_order_state"))))
                .list();
    }

    /** @return false if the clock is no longer running (nothing changed) */
    boolean markBreached(UUID clockId, Instant at) {
        return jdbc.sql("""
                UPDATE visit_clock SET state = 'BREACHED', breached_at = :at, version = version + 1
                 WHERE id = :id AND state = 'RUNNING'
                """)
                .param("id", clockId).param("at", utc(at)).update() == 1;
    }

    void stop(UUID clockId, Instant at) {
        jdbc.sql("""
                UPDATE visit_clock SET state = 'STOPPED', stopped_at = :at, version = version + 1
                 WHERE id = :id AND state = 'RUNNING'
                """)
                .param("id", clockId).param("at", utc(at)).update();
    }

    /** The breach log's primary key fails a second breach of one clock, rolling that run's batch back. */
    void logBreach(UUID clockId, Instant at, UUID eventId) {
        jdbc.sql("INSERT INTO visit_clock_breach (clock_id, breached_at, event_id) VALUES (:id, :at, :event)")
                .param("id", clockId).param("at", utc(at)).param("event", eventId).update();
    }

    record Filter(VisitClockState state, boolean overdue, UUID workOrderId, UUID ticketId, Instant now) {
    }

    List<VisitClock> search(Filter filter, int limit, long offset) {
        return jdbc.sql("SELECT * FROM visit_clock" + where() + " ORDER BY due_at, id LIMIT :limit OFFSET :offset")
                .params(params(filter)).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    long count(Filter filter) {
        return jdbc.sql("SELECT count(*) FROM visit_clock" + where()).params(params(filter))
                .query(Long.class).single();
    }

    private static String where() {
        return """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (NOT :overdue OR (state = 'RUNNING' AND due_at <= :now))
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                """;
    }

    private static Map<String, Object> params(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("state", filter.state() == null ? null : filter.state().name());
        params.put("overdue", filter.overdue());
        params.put("now", utc(filter.now()));
        params.put("workOrder", filter.workOrderId());
        params.put("ticket", filter.ticketId());
        return params;
    }

    private VisitClock map(ResultSet rs, int row) throws SQLException {
        return new VisitClock(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), VisitClockKind.valueOf(rs.getString("kind")),
                instant(rs, "started_at"), instant(rs, "due_at"), VisitClockState.valueOf(rs.getString("state")),
                instant(rs, "met_at"), instant(rs, "breached_at"), instant(rs, "stopped_at"), rs.getInt("version"));
    }
}
