package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/** The complaint, its step assignments and penalties; the only SQL that writes them. */
@Repository
@RequiredArgsConstructor
public class ComplaintRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    void insert(Complaint complaint) {
        jdbc.sql("""
                INSERT INTO complaint (id, ticket_id, state, major, subjects, created_at, created_by, updated_at)
                VALUES (:id, :ticket, :state, :major, :subjects, :at, :actor, :at)
                """).param("id", complaint.id()).param("ticket", complaint.ticketId())
                .param("state", complaint.state().name()).param("major", complaint.major())
                .param("subjects", complaint.subjects().toArray(String[]::new)).param("at", utc(complaint.createdAt()))
                .param("actor", complaint.createdBy()).update();
    }

    /** Writes what a transition caused, in the caller's transaction: the complaint, its penalties, its events. */
    void save(ComplaintChange change) {
        Complaint c = change.complaint();
        jdbc.sql("""
                UPDATE complaint SET state = :state, escalation_level = :level, reopen_count = :reopens,
                    customer_unreachable = :unreachable, rejection_explanation = :explanation,
                    responsible_department = :department, responsible_person = :person, remedy = :remedy,
                    opinion = :opinion, review_outcome = :reviewOutcome, approved_by = :approvedBy,
                    approved_at = :approvedAt, on_site_visit_by = :visitBy, on_site_visit_at = :visitAt,
                    on_site_visit_note = :visitNote, executed_by = :executedBy, executed_at = :executedAt,
                    execution_note = :executionNote, form_returned_by = :formReturnedBy,
                    form_returned_at = :formReturnedAt, version = version + 1, updated_at = :at
                WHERE id = :id
                """).param("id", c.id()).param("state", c.state().name()).param("level", c.escalationLevel())
                .param("reopens", c.reopenCount()).param("unreachable", c.customerUnreachable())
                .param("explanation", c.rejectionExplanation()).param("department", name(c.responsibleDepartment()))
                .param("person", c.responsiblePerson()).param("remedy", name(c.remedy())).param("opinion", c.opinion())
                .param("reviewOutcome", c.reviewOutcome()).param("approvedBy", c.approvedBy())
                .param("approvedAt", utc(c.approvedAt())).param("visitBy", c.onSiteVisitBy())
                .param("visitAt", utc(c.onSiteVisitAt())).param("visitNote", c.onSiteVisitNote())
                .param("executedBy", c.executedBy()).param("executedAt", utc(c.executedAt()))
                .param("executionNote", c.executionNote()).param("formReturnedBy", c.formReturnedBy())
                .param("formReturnedAt", utc(c.formReturnedAt())).param("at", utc(change.at())).update();
        for (Penalty penalty : change.penalties()) {
            jdbc.sql("""
                    INSERT INTO complaint_penalty (complaint_id, person, kind, amount, note, department_assessed, decided_by, decided_at)
                    VALUES (:id, :person, :kind, :amount, :note, :assessed, :actor, :at)
                    """).param("id", c.id()).param("person", penalty.person()).param("kind", penalty.kind())
                    .param("amount", penalty.amount()).param("note", penalty.note())
                    .param("assessed", penalty.departmentAssessed()).param("actor", change.actor())
                    .param("at", utc(change.at())).update();
        }
        outbox.appendAll(change.events());
    }

    Optional<Complaint> findByTicket(UUID ticketId, boolean lock) {
        return jdbc.sql("SELECT * FROM complaint WHERE ticket_id = :ticket" + (lock ? " FOR UPDATE" : ""))
                .param("ticket", ticketId).query(this::map).optional().map(this::withAssignments);
    }

    void assign(UUID complaintId, ComplaintStep step, Handlers handlers, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO complaint_assignment (complaint_id, step, main_person, backup_person, assigned_by, assigned_at)
                VALUES (:id, :step, :main, :backup, :actor, :at)
                ON CONFLICT (complaint_id, step) DO UPDATE SET main_person = EXCLUDED.main_person,
                    backup_person = EXCLUDED.backup_person, assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at
                """).param("id", complaintId).param("step", step.name()).param("main", handlers.main())
                .param("backup", handlers.backup()).param("actor", actor).param("at", utc(now)).update();
    }

    boolean hasPenalty(UUID complaintId) {
        return jdbc.sql("SELECT count(*) FROM complaint_penalty WHERE complaint_id = :id").param("id", complaintId)
                .query(Long.class).single() > 0;
    }

    /** Complaints whose current step is waiting, for the work queues (INT-22). */
    List<Complaint> open() {
        return jdbc.sql("SELECT * FROM complaint WHERE state NOT IN ('REJECTED', 'DONE') ORDER BY updated_at")
                .query(this::map).list().stream().map(this::withAssignments).toList();
    }

    private Complaint withAssignments(Complaint complaint) {
        Map<ComplaintStep, Handlers> result = new EnumMap<>(ComplaintStep.class);
        jdbc.sql("SELECT step, main_person, backup_person FROM complaint_assignment WHERE complaint_id = :id")
                .param("id", complaint.id()).query(rs -> {
                    result.put(ComplaintStep.valueOf(rs.getString(1)), new Handlers(rs.getString(2), rs.getString(3)));
                });
        return complaint.withHandlers(result, null);
    }

    private Complaint map(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("responsible_department");
        String remedy = rs.getString("remedy");
        return Complaint.builder().id(rs.getObject("id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .state(ComplaintState.valueOf(rs.getString("state"))).major(rs.getBoolean("major"))
                .subjects(List.of((String[]) rs.getArray("subjects").getArray()))
                .escalationLevel(rs.getInt("escalation_level")).reopenCount(rs.getInt("reopen_count"))
                .customerUnreachable(rs.getBoolean("customer_unreachable"))
                .rejectionExplanation(rs.getString("rejection_explanation"))
                .responsibleDepartment(department == null ? null : ResponsibleDepartment.valueOf(department))
                .responsiblePerson(rs.getString("responsible_person"))
                .remedy(remedy == null ? null : Remedy.valueOf(remedy)).opinion(rs.getString("opinion"))
                .reviewOutcome(rs.getString("review_outcome")).approvedBy(rs.getString("approved_by"))
                .approvedAt(instant(rs, "approved_at")).onSiteVisitBy(rs.getString("on_site_visit_by"))
                .onSiteVisitAt(instant(rs, "on_site_visit_at")).onSiteVisitNote(rs.getString("on_site_visit_note"))
                .executedBy(rs.getString("executed_by")).executedAt(instant(rs, "executed_at"))
                .executionNote(rs.getString("execution_note")).formReturnedBy(rs.getString("form_returned_by"))
                .formReturnedAt(instant(rs, "form_returned_at")).version(rs.getInt("version"))
                .createdAt(instant(rs, "created_at")).createdBy(rs.getString("created_by")).build();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
