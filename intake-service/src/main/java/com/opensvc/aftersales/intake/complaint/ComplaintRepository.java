package com.opensvc.aftersales.intake.complaint;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Remedy;

@Repository
public class ComplaintRepository {
    private final JdbcClient jdbc;

    public ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID ticketId, boolean major, List<String> subjects, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO complaint (id, ticket_id, state, major, subjects, created_at, created_by, updated_at)
                VALUES (:id, :ticket, 'VALIDITY_CHECK', :major, :subjects, :at, :actor, :at)
                """).param("id", id).param("ticket", ticketId).param("major", major)
                .param("subjects", subjects.toArray(String[]::new)).param("at", utc(now)).param("actor", actor).update();
    }

    public Optional<Complaint> findByTicket(UUID ticketId, boolean lock) {
        return jdbc.sql("SELECT * FROM complaint WHERE ticket_id = :ticket" + (lock ? " FOR UPDATE" : ""))
                .param("ticket", ticketId).query(this::map).optional().map(c -> c.withHandlers(assignments(c.id()), null));
    }

    public Optional<Complaint> find(UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM complaint WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id).query(this::map).optional().map(c -> c.withHandlers(assignments(c.id()), null));
    }

    /** Applies a step's outcome: the new state and the columns the step decided (column names are this class's own). */
    public void update(UUID id, ComplaintState state, Map<String, Object> columns, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE complaint SET state = :state, version = version + 1, updated_at = :at");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        var statement = jdbc.sql(sql + " WHERE id = :id").param("id", id).param("state", state.name())
                .param("at", utc(now));
        for (var column : columns.entrySet()) {
            Object value = column.getValue();
            statement = statement.param(column.getKey(), value instanceof Instant i ? utc(i)
                    : value instanceof Enum<?> e ? e.name() : value);
        }
        statement.update();
    }

    public void assign(UUID complaintId, ComplaintStep step, Handlers handlers, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO complaint_assignment (complaint_id, step, main_person, backup_person, assigned_by, assigned_at)
                VALUES (:id, :step, :main, :backup, :actor, :at)
                ON CONFLICT (complaint_id, step) DO UPDATE SET main_person = EXCLUDED.main_person,
                    backup_person = EXCLUDED.backup_person, assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at
                """).param("id", complaintId).param("step", step.name()).param("main", handlers.main())
                .param("backup", handlers.backup()).param("actor", actor).param("at", utc(now)).update();
    }

    public Map<ComplaintStep, Handlers> assignments(UUID complaintId) {
        Map<ComplaintStep, Handlers> result = new EnumMap<>(ComplaintStep.class);
        jdbc.sql("SELECT step, main_person, backup_person FROM complaint_assignment WHERE complaint_id = :id")
                .param("id", complaintId).query(rs -> {
                    result.put(ComplaintStep.valueOf(rs.getString(1)), new Handlers(rs.getString(2), rs.getString(3)));
                });
        return result;
    }

    public void recordPenalty(UUID complaintId, String person, String kind, BigDecimal amount, String note,
                              boolean departmentAssessed, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO complaint_penalty (complaint_id, person, kind, amount, note, department_assessed, decided_by, decided_at)
                VALUES (:id, :person, :kind, :amount, :note, :assessed, :actor, :at)
                """).param("id", complaintId).param("person", person).param("kind", kind).param("amount", amount)
                .param("note", note).param("assessed", departmentAssessed).param("actor", actor).param("at", utc(now))
                .update();
    }

    public boolean hasPenalty(UUID complaintId) {
        return jdbc.sql("SELECT count(*) FROM complaint_penalty WHERE complaint_id = :id").param("id", complaintId)
                .query(Long.class).single() > 0;
    }

    /** Complaints whose current step is waiting, for the work queues (INT-22). */
    public List<Complaint> open() {
        return jdbc.sql("SELECT * FROM complaint WHERE state NOT IN ('REJECTED', 'DONE') ORDER BY updated_at")
                .query(this::map).list().stream().map(c -> c.withHandlers(assignments(c.id()), null)).toList();
    }

    private Complaint map(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("responsible_department");
        String remedy = rs.getString("remedy");
        return new Complaint(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                ComplaintState.valueOf(rs.getString("state")), rs.getBoolean("major"),
                List.of((String[]) rs.getArray("subjects").getArray()), rs.getInt("escalation_level"),
                rs.getInt("reopen_count"), rs.getBoolean("customer_unreachable"), rs.getString("rejection_explanation"),
                department == null ? null : ResponsibleDepartment.valueOf(department), rs.getString("responsible_person"),
                remedy == null ? null : Remedy.valueOf(remedy), rs.getString("opinion"), rs.getString("review_outcome"),
                rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("on_site_visit_by"),
                instant(rs, "on_site_visit_at"), rs.getString("executed_by"), instant(rs, "executed_at"),
                rs.getString("form_returned_by"), instant(rs, "form_returned_at"), Map.of(), null,
                rs.getInt("version"), instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
