package com.opensvc.aftersales.dispatch.clock;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                INSERT INTO visit_clock (id, work_order_id, ticket_id, kind, started_at, due_at, state, paused_at)
                VALUES (:id, :workOrder, :ticket, :kind, :started, :due, 'RUNNING',
                    CASE WHEN EXISTS (SELECT 1 FROM visit_clock_pause p WHERE p.work_order_id = :workOrder)
                         THEN CAST(:started AS timestamptz) END)
                ON CONFLICT (work_order_id, kind) DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("workOrder", workOrderId).param("ticket", ticketId)
                .param("kind", kind.name()).param("started", utc(startedAt)).param("due", utc(dueAt))
                .update() == 1;
    }

    /**
     * The milestone was reached at {@code at}. A clock reached in time becomes MET. One reached late keeps its state
     * (RUNNING until the job breaches it, so the breach is still published exactly once, or already BREACHED) and
     * only notes when the milestone came. A paused clock (SLA-05) first adds the time paused so far to its due time.
     */
    void reached(UUID workOrderId, VisitClockKind kind, Instant at) {
        jdbc.sql("""
                UPDATE visit_clock
                   SET met_at = :at, version = version + 1, paused_at = NULL,
                       due_at = due_at + COALESCE(:at - paused_at, INTERVAL '0'),
                       state = CASE WHEN state = 'RUNNING' AND due_at + COALESCE(:at - paused_at, INTERVAL '0') >= :at
                                    THEN 'MET' ELSE state END
                 WHERE work_order_id = :workOrder AND kind = :kind AND met_at IS NULL
                   AND state IN ('RUNNING', 'BREACHED')
                """)
                .param("workOrder", workOrderId).param("kind", kind.name()).param("at", utc(at)).update();
    }

    /** An overdue clock with what the breach needs to know about its work order. */
    record Overdue(UUID clockId, UUID workOrderId, UUID ticketId, VisitClockKind kind, Instant dueAt,
                   Instant metAt, String technician, WorkOrderState workOrderState) {
        /**
         * DSP-08: an overdue clock breaches when its order is open, or completed with the milestone reached after the
         * due time; a cancelled order's clock (closed, milestone never reached) has no deadline left and stops.
         */
        boolean breaches() {
            return !(workOrderState.closed() && metAt == null);
        }
    }

    /** SLA-05: a pause of the work order's clocks begins; @return false if this reason already paused them */
    boolean pause(UUID workOrderId, String reason, Instant at) {
        boolean added = jdbc.sql("""
                INSERT INTO visit_clock_pause (work_order_id, reason, since) VALUES (:workOrder, :reason, :at)
                ON CONFLICT DO NOTHING
                """).param("workOrder", workOrderId).param("reason", reason).param("at", utc(at)).update() == 1;
        if (added) {
            jdbc.sql("""
                    UPDATE visit_clock SET paused_at = :at, version = version + 1
                     WHERE work_order_id = :workOrder AND state = 'RUNNING' AND paused_at IS NULL AND met_at IS NULL
                    """).param("workOrder", workOrderId).param("at", utc(at)).update();
        }
        return added;
    }

    /**
     * SLA-05: a pause ends; when no other pause is left, the running clocks move their due time by the time paused.
     *
     * @return false if this reason had not paused them
     */
    boolean resume(UUID workOrderId, String reason, Instant at) {
        boolean removed = jdbc.sql("DELETE FROM visit_clock_pause WHERE work_order_id = :workOrder AND reason = :reason")
                .param("workOrder", workOrderId).param("reason", reason).update() == 1;
        if (removed) {
            jdbc.sql("""
                    UPDATE visit_clock
                       SET due_at = due_at + GREATEST(:at - paused_at, INTERVAL '0'), paused_at = NULL,
                           version = version + 1
                     WHERE work_order_id = :workOrder AND paused_at IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM visit_clock_pause p WHERE p.work_order_id = :workOrder)
                    """).param("workOrder", workOrderId).param("at", utc(at)).update();
        }
        return removed;
    }

    /** DSP-08: the order's running clocks whose milestone came after the due time, locked (the order completes now). */
    List<Overdue> reachedLate(UUID workOrderId) {
        return jdbc.sql(OVERDUE_SELECT + """
                 WHERE c.work_order_id = :workOrder AND c.state = 'RUNNING' AND c.met_at IS NOT NULL
                   AND c.met_at > c.due_at
                 ORDER BY c.due_at, c.id
                   FOR UPDATE OF c
                """).param("workOrder", workOrderId).query(VisitClockRepository::overdue).list();
    }

    /** The order's running clocks, locked (it was cancelled). */
    List<Overdue> running(UUID workOrderId) {
        return jdbc.sql(OVERDUE_SELECT + """
                 WHERE c.work_order_id = :workOrder AND c.state = 'RUNNING'
                 ORDER BY c.due_at, c.id
                   FOR UPDATE OF c
                """).param("workOrder", workOrderId).query(VisitClockRepository::overdue).list();
    }

    private static final String OVERDUE_SELECT = """
            SELECT c.id, c.work_order_id, c.ticket_id, c.kind, c.due_at, c.met_at, w.technician,
                   w.state AS work_order_state
              FROM visit_clock c JOIN work_order w ON w.id = c.work_order_id
            """;

    private static Overdue overdue(ResultSet rs, int row) throws SQLException {
        return new Overdue(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), VisitClockKind.valueOf(rs.getString("kind")),
                instant(rs, "due_at"), instant(rs, "met_at"), rs.getString("technician"),
                WorkOrderState.valueOf(rs.getString("work_order_state")));
    }

    /**
     * SLA-07: claims up to {@code limit} running clocks due by {@code now}, locking them. Clocks another transaction
     * holds (another replica's job, or a technician reaching the milestone right now) are skipped, not waited for,
     * so each clock is claimed by one run only; a claimed clock leaves RUNNING in the same transaction.
     */
    List<Overdue> claimOverdue(Instant now, int limit) {
        return jdbc.sql(OVERDUE_SELECT + """
                 WHERE c.state = 'RUNNING' AND c.paused_at IS NULL AND c.due_at <= :now
                 ORDER BY c.due_at, c.id
                 LIMIT :limit
                   FOR UPDATE OF c SKIP LOCKED
                """)
                .param("now", utc(now)).param("limit", limit)
                .query(VisitClockRepository::overdue)
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

    /** Issue 18: {@link #markBreached(UUID, Instant)} for many clocks, one statement; @return those that were running */
    Set<UUID> markBreached(Collection<UUID> clockIds, Instant at) {
        if (clockIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                UPDATE visit_clock SET state = 'BREACHED', breached_at = :at, version = version + 1
                 WHERE id = ANY(CAST(:ids AS uuid[])) AND state = 'RUNNING'
                RETURNING id
                """)
                .param("ids", clockIds.stream().map(UUID::toString).toArray(String[]::new)).param("at", utc(at))
                .query((rs, row) -> rs.getObject(1, UUID.class)).list());
    }

    /** Issue 18: {@link #logBreach} for many clocks, one statement ({@code eventIds.get(i)} for {@code clockIds.get(i)}). */
    void logBreaches(List<UUID> clockIds, Instant at, List<UUID> eventIds) {
        if (clockIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO visit_clock_breach (clock_id, breached_at, event_id)
                SELECT b.clock_id, :at, b.event_id FROM unnest(CAST(:ids AS uuid[]), CAST(:events AS uuid[])) AS b(clock_id, event_id)
                """)
                .param("ids", clockIds.stream().map(UUID::toString).toArray(String[]::new)).param("at", utc(at))
                .param("events", eventIds.stream().map(UUID::toString).toArray(String[]::new)).update();
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
                   AND (NOT :overdue OR (state = 'RUNNING' AND paused_at IS NULL AND due_at <= :now))
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
                instant(rs, "met_at"), instant(rs, "breached_at"), instant(rs, "stopped_at"), rs.getInt("version"),
                instant(rs, "paused_at"));
    }
}
