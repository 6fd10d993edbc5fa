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
                                     due_by, created_at, complaint_type, required_calls, answered_calls,
                                     remedy_deadline)
                VALUES (:id, :ticket, :workOrder, :complaint, :tech, :kind, :selection, :state, :due, :now,
                        :complaintType, :required, :answered, :remedyDeadline)
                ON CONFLICT DO NOTHING
                """)
                .param("complaintType", name(r.complaintType())).param("required", r.requiredCalls())
                .param("answered", r.answeredCalls()).param("remedyDeadline", Timestamps.utc(r.remedyDeadline()))
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
                    version = :version, due_by = :due, required_calls = :required, answered_calls = :answered
                 WHERE id = :id
                """)
                .param("due", Timestamps.utc(r.dueBy())).param("required", r.requiredCalls())
                .param("answered", r.answeredCalls())
                .param("id", r.id()).param("state", r.state().name()).param("quality", name(r.serviceQuality()))
                .param("skill", name(r.technicalSkill())).param("charge", r.chargeReasonable())
                .param("punctuality", name(r.punctuality())).param("overall", name(r.overall()))
                .param("comment", r.comment()).param("agent", r.agent()).param("at", Timestamps.utc(r.completedAt()))
                .param("attempts", r.attempts()).param("lastAttempt", Timestamps.utc(r.lastAttemptAt()))
                .param("version", r.version()).update();
        change.calls().forEach(this::insertCall);
        outbox.appendAll(change.events());
    }

    /** REV-03, REV-06: the revisit's call history grows; the table refuses changes (append-only). */
    private void insertCall(RevisitCall c) {
        jdbc.sql("""
                INSERT INTO revisit_call (id, revisit_id, call_number, answered, service_quality, technical_skill,
                                          charge_reasonable, punctuality, overall, comment, agent, called_at, due_by,
                                          late)
                VALUES (:id, :revisit, :number, :answered, :quality, :skill, :charge, :punctuality, :overall, :comment,
                        :agent, :at, :due, :late)
                """)
                .param("id", c.id()).param("revisit", c.revisitId()).param("number", c.callNumber())
                .param("answered", c.answered()).param("quality", name(c.serviceQuality()))
                .param("skill", name(c.technicalSkill())).param("charge", c.chargeReasonable())
                .param("punctuality", name(c.punctuality())).param("overall", name(c.overall()))
                .param("comment", c.comment()).param("agent", c.agent()).param("at", Timestamps.utc(c.calledAt()))
                .param("due", Timestamps.utc(c.dueBy())).param("late", c.late()).update();
    }

    /** REV-02: a scheduled revisit of a ticket whose complaint is being handled is on hold (a read of that table). */
    private static final String SELECT = """
            SELECT r.*, (r.state = 'SCHEDULED' AND EXISTS (SELECT 1 FROM complaint_handling h
                                                            WHERE h.ticket_id = r.ticket_id AND h.handling)) AS on_hold
              FROM revisit r
            """;

    public Optional<Revisit> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(this::map).optional();
    }

    /** The revisit with its calls. */
    public Optional<Revisit> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(this::map).optional()
                .map(r -> r.withCalls(calls(id)));
    }

    List<RevisitCall> calls(UUID revisitId) {
        return jdbc.sql("SELECT * FROM revisit_call WHERE revisit_id = :id ORDER BY called_at, call_number, answered")
                .param("id", revisitId).query((rs, row) -> new RevisitCall(rs.getObject("id", UUID.class),
                        rs.getObject("revisit_id", UUID.class), rs.getInt("call_number"), rs.getBoolean("answered"),
                        scale(rs, "service_quality"), scale(rs, "technical_skill"),
                        (Boolean) rs.getObject("charge_reasonable"), scale(rs, "punctuality"), scale(rs, "overall"),
                        rs.getString("comment"), rs.getString("agent"), Timestamps.instant(rs, "called_at"),
                        Timestamps.instant(rs, "due_by"), rs.getBoolean("late")))
                .list();
    }

    public List<Revisit> search(UUID ticketId, Paging paging) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:ticket AS uuid) IS NULL OR r.ticket_id = :ticket)
                 ORDER BY r.due_by, r.id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
    }

    private Revisit map(ResultSet rs, int row) throws SQLException {
        String selection = rs.getString("selection");
        String complaintType = rs.getString("complaint_type");
        return new Revisit(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("work_order_id", UUID.class), rs.getObject("complaint_id", UUID.class),
                rs.getString("technician_id"), rs.getString("kind"),
                selection == null ? null : Selection.valueOf(selection), RevisitState.valueOf(rs.getString("state")), Timestamps.instant(rs, "due_by"),
                scale(rs, "service_quality"), scale(rs, "technical_skill"), (Boolean) rs.getObject("charge_reasonable"),
                scale(rs, "punctuality"), scale(rs, "overall"), rs.getString("comment"), rs.getString("agent"),
                Timestamps.instant(rs, "completed_at"), rs.getInt("attempts"), Timestamps.instant(rs, "last_attempt_at"),
                rs.getInt("version"), complaintType == null ? null : ComplaintType.valueOf(complaintType),
                rs.getInt("required_calls"), rs.getInt("answered_calls"), Timestamps.instant(rs, "remedy_deadline"),
                rs.getBoolean("on_hold"), null);
    }

    private static Satisfaction scale(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Satisfaction.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
