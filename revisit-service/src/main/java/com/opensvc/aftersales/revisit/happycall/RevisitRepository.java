package com.opensvc.aftersales.revisit.happycall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RevisitRepository {
    private final JdbcClient jdbc;

    public RevisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the work order already has its happy call */
    public boolean insertIfAbsent(UUID id, UUID ticketId, UUID workOrderId, String technician, Instant dueBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO revisit (id, ticket_id, work_order_id, technician_id, kind, state, due_by, created_at)
                VALUES (:id, :ticket, :workOrder, :tech, 'HAPPY_CALL', 'SCHEDULED', :due, :now)
                ON CONFLICT (work_order_id) DO NOTHING
                """)
                .param("id", id).param("ticket", ticketId).param("workOrder", workOrderId).param("tech", technician)
                .param("due", utc(dueBy)).param("now", utc(now)).update() == 1;
    }

    public Optional<Revisit> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM revisit WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<Revisit> find(UUID id) {
        return jdbc.sql("SELECT * FROM revisit WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Revisit> search(UUID ticketId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM revisit WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                 ORDER BY due_by, id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public void recordOutcome(UUID id, SurveyAnswers answers, RevisitState state, String agent, Instant at) {
        jdbc.sql("""
                UPDATE revisit SET state = :state, service_quality = :quality, technical_skill = :skill,
                    charge_reasonable = :charge, punctuality = :punctuality, overall = :overall, comment = :comment,
                    agent = :agent, completed_at = :at, version = version + 1
                 WHERE id = :id
                """)
                .param("id", id).param("state", state.name()).param("quality", answers.serviceQuality().name())
                .param("skill", answers.technicalSkill().name()).param("charge", answers.chargeReasonable())
                .param("punctuality", answers.punctuality().name()).param("overall", answers.overall().name())
                .param("comment", answers.comment()).param("agent", agent).param("at", utc(at)).update();
    }

    private Revisit map(ResultSet rs, int row) throws SQLException {
        return new Revisit(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("work_order_id", UUID.class), rs.getString("technician_id"), rs.getString("kind"),
                RevisitState.valueOf(rs.getString("state")), instant(rs, "due_by"), scale(rs, "service_quality"),
                scale(rs, "technical_skill"), (Boolean) rs.getObject("charge_reasonable"), scale(rs, "punctuality"),
                scale(rs, "overall"), rs.getString("comment"), rs.getString("agent"), instant(rs, "completed_at"),
                rs.getInt("version"));
    }

    private static Satisfaction scale(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Satisfaction.valueOf(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
