package com.opensvc.aftersales.intake.complaint.review;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.intake.complaint.ComplaintStep;

import lombok.RequiredArgsConstructor;

/** The review history of complaint forms (append-only) and each form's current review state and lock (INT-26). */
@Repository
@RequiredArgsConstructor
public class FormReviewRepository {
    private final JdbcClient jdbc;

    /** One row of a form's review history. {@code snapshot} (JSON) is the form as locked, on LOCKED rows only. */
    public record Entry(long id, int cycle, String action, String actor, Instant at, String reason, String correction,
                        String faultyPerson, String faultyStep, Integer faultyYear, String snapshot) {
    }

    public record FaultyCount(String person, long faultyForms) {
    }

    /** The form's review; not submitted until its first submission. */
    FormReview review(UUID complaintId, UUID ticketId) {
        return jdbc.sql("SELECT review_state, cycle, changed_by, changed_at FROM complaint_lock WHERE complaint_id = :id")
                .param("id", complaintId)
                .query((rs, n) -> new FormReview(complaintId, ticketId, FormReviewState.valueOf(rs.getString(1)),
                        rs.getInt(2), rs.getString(3), instant(rs, "changed_at")))
                .optional().orElseGet(() -> FormReview.notSubmitted(complaintId, ticketId));
    }

    /** Writes a review step, in the caller's transaction: the form's review state and its history row. */
    void save(FormReviewChange change) {
        FormReview review = change.review();
        FormReviewChange.ReviewEntry entry = change.entry();
        jdbc.sql("""
                INSERT INTO complaint_form_review (complaint_id, ticket_id, cycle, action, actor, at, reason, correction,
                                                   faulty_person, faulty_step, faulty_year, snapshot)
                VALUES (:complaint, :ticket, :cycle, :action, :actor, :at, :reason, :correction,
                        :faultyPerson, :faultyStep, :faultyYear, CAST(:snapshot AS jsonb))
                """).param("complaint", review.complaintId()).param("ticket", review.ticketId())
                .param("cycle", review.cycle()).param("action", entry.action()).param("actor", review.changedBy())
                .param("at", utc(review.changedAt())).param("reason", entry.reason())
                .param("correction", entry.correction()).param("faultyPerson", entry.faultyPerson())
                .param("faultyStep", entry.faultyStep() == null ? null : entry.faultyStep().name())
                .param("faultyYear", entry.faultyYear()).param("snapshot", entry.snapshot()).update();
        jdbc.sql("""
                INSERT INTO complaint_lock (complaint_id, review_state, locked, cycle, changed_by, changed_at)
                VALUES (:id, :state, :locked, :cycle, :actor, :at)
                ON CONFLICT (complaint_id) DO UPDATE SET review_state = EXCLUDED.review_state, locked = EXCLUDED.locked,
                    cycle = EXCLUDED.cycle, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                """).param("id", review.complaintId()).param("state", review.state().name())
                .param("locked", review.locked()).param("cycle", review.cycle()).param("actor", review.changedBy())
                .param("at", utc(review.changedAt())).update();
    }

    public List<Entry> history(UUID complaintId) {
        return jdbc.sql("""
                SELECT id, cycle, action, actor, at, reason, correction, faulty_person, faulty_step, faulty_year,
                       snapshot::text AS snapshot
                FROM complaint_form_review WHERE complaint_id = :id ORDER BY id
                """).param("id", complaintId).query(this::entry).list();
    }

    /** Who acted in a step of the complaint process on this ticket, from its timeline (COMPLAINT_&lt;STEP&gt;...). */
    public List<String> actorsOf(UUID ticketId, ComplaintStep step) {
        String action = "COMPLAINT_" + step.name();
        return jdbc.sql("""
                SELECT DISTINCT actor FROM ticket_history
                WHERE ticket_id = :ticket AND (action = :action OR left(action, length(:action) + 1) = :action || '_')
                ORDER BY actor
                """).param("ticket", ticketId).param("action", action).query(String.class).list();
    }

    /** The penalties recorded on the complaint, for the locked form's snapshot. */
    public List<java.util.Map<String, Object>> penalties(UUID complaintId) {
        return jdbc.sql("""
                SELECT person, kind, amount, note, department_assessed AS "departmentAssessed", decided_by AS "decidedBy",
                       decided_at AS "decidedAt"
                FROM complaint_penalty WHERE complaint_id = :id ORDER BY id
                """).param("id", complaintId).query().listOfRows().stream().map(row -> {
                    java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
                    if (copy.get("decidedAt") instanceof java.sql.Timestamp t) {
                        copy.put("decidedAt", t.toInstant().toString());
                    } else if (copy.get("decidedAt") instanceof OffsetDateTime o) {
                        copy.put("decidedAt", o.toInstant().toString());
                    }
                    return copy;
                }).toList();
    }

    /** INT-26: faulty forms per person in a year (year-end assessment), most first. */
    public List<FaultyCount> faultyCounts(int year) {
        return jdbc.sql("""
                SELECT faulty_person, count(*) FROM complaint_form_review
                WHERE action = 'RETURNED_FAULTY' AND faulty_year = :year
                GROUP BY faulty_person ORDER BY count(*) DESC, faulty_person
                """).param("year", year).query((rs, n) -> new FaultyCount(rs.getString(1), rs.getLong(2))).list();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        int year = rs.getInt("faulty_year");
        Integer faultyYear = rs.wasNull() ? null : year;
        return new Entry(rs.getLong("id"), rs.getInt("cycle"), rs.getString("action"), rs.getString("actor"),
                instant(rs, "at"), rs.getString("reason"), rs.getString("correction"), rs.getString("faulty_person"),
                rs.getString("faulty_step"), faultyYear, rs.getString("snapshot"));
    }
}
