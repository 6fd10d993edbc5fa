package com.opensvc.aftersales.revisit.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/**
 * RPT-03 read models: reminders and customers never revisited. Reads only; they join the happy-call feature's
 * {@code revisit} and {@code revisit_decision}, the conflict feature's {@code complaint_subject} and the ticket facts.
 */
@Repository
@RequiredArgsConstructor
class AgendaQueries {
    private final JdbcClient jdbc;

    /** Who the reminders are for: one agent (theirs and the pool they may call) or everyone (optionally one agent's). */
    record Scope(String agent, boolean mine) {
        static Scope mine(String agent) {
            return new Scope(agent, true);
        }

        static Scope everyone(String agentOrNull) {
            return new Scope(agentOrNull, false);
        }
    }

    /** REV-02: a revisit held while its ticket's complaint is being handled is nobody's call yet. */
    private static final String REMINDERS_FROM = """
             FROM revisit r
             LEFT JOIN revisit_assignment a ON a.revisit_id = r.id
             LEFT JOIN ticket_fact f ON f.ticket_id = r.ticket_id
            WHERE r.state = 'SCHEDULED' AND r.due_by < :until
              AND NOT EXISTS (SELECT 1 FROM complaint_handling h WHERE h.ticket_id = r.ticket_id AND h.handling)
            """;
    /** The agent's own, and the pool's except revisits of tickets whose complaint names them (INT-12). */
    private static final String MINE = """
              AND (lower(a.agent) = lower(:agent)
                   OR (a.agent IS NULL AND NOT EXISTS (SELECT 1 FROM complaint_subject s
                                                        WHERE s.ticket_id = r.ticket_id
                                                          AND s.person = lower(trim(:agent)))))
            """;
    private static final String EVERYONE = " AND (CAST(:agent AS text) IS NULL OR lower(a.agent) = lower(:agent))\n";

    List<Reminder> reminders(Scope scope, Instant until, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT r.id, r.ticket_id, f.ticket_number, r.kind, r.due_by, r.attempts, a.agent, a.how"
                        + REMINDERS_FROM + (scope.mine() ? MINE : EVERYONE)
                        + " ORDER BY (a.agent IS NULL), lower(a.agent), r.due_by, r.id LIMIT :limit OFFSET :offset")
                .param("until", Timestamps.utc(until)).param("agent", scope.agent())
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> reminder(rs, now)).list();
    }

    long countReminders(Scope scope, Instant until) {
        return jdbc.sql("SELECT count(*)" + REMINDERS_FROM + (scope.mine() ? MINE : EVERYONE))
                .param("until", Timestamps.utc(until)).param("agent", scope.agent()).query(Long.class).single();
    }

    private static Reminder reminder(ResultSet rs, Instant now) throws SQLException {
        Instant due = Timestamps.instant(rs, "due_by");
        String how = rs.getString("how");
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), rs.getString("kind"), due, due.isBefore(now), rs.getInt("attempts"),
                rs.getString("agent"), how == null ? null : Assignment.How.valueOf(how));
    }

    /**
     * Customers with a work order completed in [from, to) whose tickets never had an answered revisit (COMPLETED or
     * DISSATISFIED, at any time); unreachable or still scheduled revisits are not answers.
     */
    private static final String NEVER_REVISITED = """
            WITH served AS (
                SELECT f.customer_id, d.work_order_id, d.completed_at, f.region,
                       COALESCE(f.ticket_number, f.ticket_id::text) AS ticket
                  FROM revisit_decision d JOIN ticket_fact f ON f.ticket_id = d.ticket_id
                 WHERE f.customer_id IS NOT NULL AND d.completed_at >= :from AND d.completed_at < :to
            ), customers AS (
                SELECT s.customer_id, count(DISTINCT s.work_order_id) AS orders_served,
                       max(s.completed_at) AS last_served_at,
                       (array_agg(s.region ORDER BY s.completed_at DESC, s.work_order_id))[1] AS region,
                       array_agg(DISTINCT s.ticket ORDER BY s.ticket) AS tickets
                  FROM served s
                 WHERE NOT EXISTS (SELECT 1 FROM revisit r JOIN ticket_fact rf ON rf.ticket_id = r.ticket_id
                                    WHERE rf.customer_id = s.customer_id AND r.state IN ('COMPLETED', 'DISSATISFIED'))
                 GROUP BY s.customer_id
            )
            """;

    List<NeverRevisitedCustomer> neverRevisited(Instant from, Instant to, int limit, long offset) {
        return jdbc.sql(NEVER_REVISITED + """
                        SELECT * FROM customers ORDER BY last_served_at DESC, customer_id LIMIT :limit OFFSET :offset
                        """)
                .param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to))
                .param("limit", limit).param("offset", offset)
                .query(AgendaQueries::customer).list();
    }

    long countNeverRevisited(Instant from, Instant to) {
        return jdbc.sql(NEVER_REVISITED + "SELECT count(*) FROM customers")
                .param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to)).query(Long.class).single();
    }

    private static NeverRevisitedCustomer customer(ResultSet rs, int row) throws SQLException {
        return new NeverRevisitedCustomer(rs.getObject("customer_id", UUID.class), rs.getLong("orders_served"),
                Timestamps.instant(rs, "last_served_at"), rs.getString("region"),
                List.of((String[]) rs.getArray("tickets").getArray()));
    }
}
