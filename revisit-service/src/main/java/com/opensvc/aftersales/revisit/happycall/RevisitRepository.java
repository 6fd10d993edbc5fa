package com.opensvc.aftersales.revisit.happycall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** Revisits and, in the same transaction, the events their changes publish (EVT-01). */
@Repository
@RequiredArgsConstructor
public class RevisitRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** @return false (and nothing published) when the work order or the complaint's finish already has its revisit */
    boolean insertIfAbsent(RevisitChange scheduled) {
        boolean inserted = insert(scheduled.revisit(), scheduled.at());
        if (inserted) {
            outbox.appendAll(scheduled.events());
        }
        return inserted;
    }

    /** Writes a new revisit; false when one for the same work order or complaint finish exists (unique keys). */
    boolean insert(Revisit r, Instant at) {
        return jdbc.sql("""
                INSERT INTO revisit (id, ticket_id, work_order_id, complaint_id, technician_id, kind, selection, state,
                                     due_by, created_at)
                VALUES (:id, :ticket, :workOrder, :complaint, :tech, :kind, :selection, :state, :due, :now)
                ON CONFLICT DO NOTHING
                """)
                .param("id", r.id()).param("ticket", r.ticketId()).param("workOrder", r.workOrderId())
                .param("complaint", r.complaintId()).param("tech", r.technicianId()).param("kind", r.kind())
                .param("selection", name(r.selection())).param("state", r.state().name())
                .param("due", Timestamps.utc(r.dueBy())).param("now", Timestamps.utc(at)).update() == 1;
    }

    /** Writes the revisit's new state and answers with the events of the change. */
    void save(RevisitChange change) {
        Revisit r = change.revisit();
        jdbc.sql("""
                UPDATE revisit SET state = :state, service_quality = :quality, technical_skill = :skill,
                    charge_reasonable = :charge, punctuality = :punctuality, overall = :overall, comment = :comment,
                    agent = :agent, completed_at = :at, attempts = :attempts, last_attempt_at = :lastAttempt,
                    version = :version
                 WHERE id = :id
                """)
                .param("id", r.id()).param("state", r.state().name()).param("quality", name(r.serviceQuality()))
                .param("skill", name(r.technicalSkill())).param("charge", r.chargeReasonable())
                .param("punctuality", name(r.punctuality())).param("overall", name(r.overall()))
                .param("comment", r.comment()).param("agent", r.agent()).param("at", Timestamps.utc(r.completedAt()))
                .param("attempts", r.attempts()).param("lastAttempt", Timestamps.utc(r.lastAttemptAt()))
                .param("version", r.version()).update();
        outbox.appendAll(change.events());
    }

    public Optional<Revisit> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM revisit WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<Revisit> find(UUID id) {
        return jdbc.sql("SELECT * FROM revisit WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Revisit> search(UUID ticketId, Paging paging) {
        return jdbc.sql("""
                SELECT * FROM revisit WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                 ORDER BY due_by, id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
    }

    private Revisit map(ResultSet rs, int row) throws SQLException {
        String selection = rs.getString("selection");
        return new Revisit(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("work_order_id", UUID.class), rs.getObject("complaint_id", UUID.class),
                rs.getString("technician_id"), rs.getString("kind"),
                selection == null ? null : Selection.valueOf(selection), RevisitState.valueOf(rs.getString("state")), Timestamps.instant(rs, "due_by"),
                scale(rs, "service_quality"), scale(rs, "technical_skill"), (Boolean) rs.getObject("charge_reasonable"),
                scale(rs, "punctuality"), scale(rs, "overall"), rs.getString("comment"), rs.getString("agent"),
                Timestamps.instant(rs, "completed_at"), rs.getInt("attempts"), Timestamps.instant(rs, "last_attempt_at"),
                rs.getInt("version"));
    }

    private static Satisfaction scale(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Satisfaction.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
