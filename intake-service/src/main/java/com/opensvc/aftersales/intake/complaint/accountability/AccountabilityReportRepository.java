package com.opensvc.aftersales.intake.complaint.accountability;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class AccountabilityReportRepository {
    private final JdbcClient jdbc;

    public record Issued(String month, UUID reportId, Instant issuedAt, String issuedBy) {
    }

    /** Complaints approved, carried out or finished in [from, to), or with a penalty decided then. */
    public List<AccountabilityReport.ComplaintLine> complaints(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.*, t.number AS ticket_number FROM complaint c JOIN ticket t ON t.id = c.ticket_id
                WHERE (c.approved_at >= :from AND c.approved_at < :to)
                   OR (c.executed_at >= :from AND c.executed_at < :to)
                   OR (c.form_returned_at >= :from AND c.form_returned_at < :to)
                   OR EXISTS (SELECT 1 FROM complaint_penalty p WHERE p.complaint_id = c.id
                              AND p.decided_at >= :from AND p.decided_at < :to)
                ORDER BY t.number
                """).param("from", utc(from)).param("to", utc(to)).query(this::complaint).list();
    }

    /** Penalties decided in [from, to). */
    public List<AccountabilityReport.PenaltyLine> penalties(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT p.*, c.ticket_id, c.responsible_department, t.number AS ticket_number
                FROM complaint_penalty p JOIN complaint c ON c.id = p.complaint_id JOIN ticket t ON t.id = c.ticket_id
                WHERE p.decided_at >= :from AND p.decided_at < :to
                ORDER BY p.decided_at, p.id
                """).param("from", utc(from)).param("to", utc(to)).query(this::penalty).list();
    }

    public Optional<Issued> issued(String month) {
        return jdbc.sql("SELECT month, report_id, issued_at, issued_by FROM accountability_report WHERE month = :month")
                .param("month", month)
                .query((rs, n) -> new Issued(rs.getString(1), rs.getObject(2, UUID.class), instant(rs, "issued_at"),
                        rs.getString(4)))
                .optional();
    }

    /** @return true when this call issued the month's report; false when it had been issued already */
    public boolean markIssued(String month, UUID reportId, int complaintCount, int penaltyCount, BigDecimal deductions,
                              String actor, Instant at) {
        return jdbc.sql("""
                -- no conflict target: report_id derives from the month, so a concurrent issuer may hit either unique index
                INSERT INTO accountability_report (month, report_id, complaint_count, penalty_count, total_deductions,
                                                   issued_by, issued_at)
                VALUES (:month, :id, :complaints, :penalties, :deductions, :actor, :at)
                ON CONFLICT DO NOTHING
                """).param("month", month).param("id", reportId).param("complaints", complaintCount)
                .param("penalties", penaltyCount).param("deductions", deductions).param("actor", actor)
                .param("at", utc(at)).update() == 1;
    }

    private AccountabilityReport.ComplaintLine complaint(ResultSet rs, int row) throws SQLException {
        return new AccountabilityReport.ComplaintLine(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                rs.getObject("id", UUID.class), rs.getString("state"), rs.getBoolean("major"),
                rs.getString("responsible_department"), rs.getString("responsible_person"), rs.getString("remedy"),
                rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("executed_by"),
                instant(rs, "executed_at"), instant(rs, "form_returned_at"));
    }

    private AccountabilityReport.PenaltyLine penalty(ResultSet rs, int row) throws SQLException {
        return new AccountabilityReport.PenaltyLine(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                rs.getString("responsible_department"), rs.getString("person"), rs.getString("kind"),
                rs.getBigDecimal("amount"), rs.getString("note"), rs.getBoolean("department_assessed"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
    }
}
