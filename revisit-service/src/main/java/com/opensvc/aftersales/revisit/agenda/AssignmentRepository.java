package com.opensvc.aftersales.revisit.agenda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.revisit.agenda.Assignment.How;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes revisit assignments and their history. */
@Repository
@RequiredArgsConstructor
class AssignmentRepository {
    private final JdbcClient jdbc;

    /** The revisit's ticket and state, read with a share lock so it cannot be answered while it is being claimed. */
    record ScheduledRevisit(UUID ticketId, String state) {
    }

    Optional<ScheduledRevisit> revisitForShare(UUID revisitId) {
        return jdbc.sql("SELECT ticket_id, state FROM revisit WHERE id = :id FOR SHARE").param("id", revisitId)
                .query((rs, row) -> new ScheduledRevisit(rs.getObject("ticket_id", UUID.class), rs.getString("state")))
                .optional();
    }

    /**
     * The first claim wins: the primary key makes a second concurrent insert wait for the first to commit and then
     * insert nothing.
     *
     * @return false when the revisit already has an agent
     */
    boolean insertIfAbsent(Assignment a) {
        return jdbc.sql("""
                INSERT INTO revisit_assignment (revisit_id, agent, how, assigned_by, assigned_at)
                VALUES (:revisit, :agent, :how, :by, :at) ON CONFLICT (revisit_id) DO NOTHING
                """)
                .param("revisit", a.revisitId()).param("agent", a.agent()).param("how", a.how().name())
                .param("by", a.assignedBy()).param("at", Timestamps.utc(a.assignedAt())).update() == 1;
    }

    /** A supervisor's assignment replaces whoever held the revisit. */
    void upsert(Assignment a) {
        jdbc.sql("""
                INSERT INTO revisit_assignment (revisit_id, agent, how, assigned_by, assigned_at)
                VALUES (:revisit, :agent, :how, :by, :at)
                ON CONFLICT (revisit_id) DO UPDATE SET agent = EXCLUDED.agent, how = EXCLUDED.how,
                    assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at
                """)
                .param("revisit", a.revisitId()).param("agent", a.agent()).param("how", a.how().name())
                .param("by", a.assignedBy()).param("at", Timestamps.utc(a.assignedAt())).update();
    }

    /** @return the agent released, or empty when the revisit was in the pool */
    Optional<String> delete(UUID revisitId) {
        return jdbc.sql("DELETE FROM revisit_assignment WHERE revisit_id = :revisit RETURNING agent")
                .param("revisit", revisitId).query(String.class).optional();
    }

    Optional<Assignment> find(UUID revisitId) {
        return jdbc.sql("SELECT * FROM revisit_assignment WHERE revisit_id = :revisit").param("revisit", revisitId)
                .query(AssignmentRepository::map).optional();
    }

    /** SEC-03: one append-only line per claim, assignment and release. */
    void history(UUID revisitId, String action, String agent, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO revisit_assignment_history (revisit_id, action, agent, actor, at)
                VALUES (:revisit, :action, :agent, :actor, :at)
                """)
                .param("revisit", revisitId).param("action", action).param("agent", agent).param("actor", actor)
                .param("at", Timestamps.utc(at)).update();
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getObject("revisit_id", UUID.class), rs.getString("agent"),
                How.valueOf(rs.getString("how")), rs.getString("assigned_by"), Timestamps.instant(rs, "assigned_at"));
    }
}
