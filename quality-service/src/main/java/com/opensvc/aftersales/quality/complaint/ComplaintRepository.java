package com.opensvc.aftersales.quality.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code complaint} and {@code complaint_revisit}; reads join quality's ticket facts. */
@Repository
@RequiredArgsConstructor
class ComplaintRepository {
    private final JdbcClient jdbc;

    void registered(TicketRegistered r, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint (ticket_id, ticket_number, category, channel, product_model, registered_at,
                    updated_at)
                VALUES (:ticket, :number, :category, :channel, :model, :registered, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    ticket_number = COALESCE(EXCLUDED.ticket_number, complaint.ticket_number),
                    category = EXCLUDED.category, channel = EXCLUDED.channel, product_model = EXCLUDED.product_model,
                    registered_at = EXCLUDED.registered_at, updated_at = EXCLUDED.updated_at
                """)
                .param("ticket", r.ticketId()).param("number", r.ticketNumber()).param("category", r.category())
                .param("channel", r.channel()).param("model", r.productModel())
                .param("registered", Timestamps.utc(r.occurredAt())).param("at", Timestamps.utc(at)).update();
    }

    /**
     * INT-11: a later stage's decision wins; at the same stage the later one. Department and remedy of a finished
     * form are not overwritten by a decision older than the form.
     */
    void responsibilityAssigned(ComplaintResponsibilityAssigned a, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint (ticket_id, ticket_number, complaint_id, responsibility_rank, responsibility_at,
                    responsible_department, remedy, updated_at)
                VALUES (:ticket, :number, :complaint, :rank, :occurred, :department, :remedy, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    ticket_number = COALESCE(complaint.ticket_number, EXCLUDED.ticket_number),
                    complaint_id = COALESCE(EXCLUDED.complaint_id, complaint.complaint_id),
                    responsibility_rank = EXCLUDED.responsibility_rank,
                    responsibility_at = EXCLUDED.responsibility_at,
                    responsible_department = CASE WHEN complaint.finished_at IS NOT NULL
                        AND complaint.finished_at > EXCLUDED.responsibility_at
                        THEN complaint.responsible_department ELSE EXCLUDED.responsible_department END,
                    remedy = CASE WHEN complaint.finished_at IS NOT NULL
                        AND complaint.finished_at > EXCLUDED.responsibility_at
                        THEN complaint.remedy ELSE EXCLUDED.remedy END,
                    updated_at = EXCLUDED.updated_at
                WHERE complaint.responsibility_rank IS NULL
                   OR (EXCLUDED.responsibility_rank, EXCLUDED.responsibility_at)
                      >= (complaint.responsibility_rank, complaint.responsibility_at)
                """)
                .param("ticket", a.ticketId()).param("number", a.ticketNumber()).param("complaint", a.complaintId())
                .param("rank", a.stage().rank()).param("occurred", Timestamps.utc(a.occurredAt()))
                .param("department", a.responsibleDepartment()).param("remedy", a.remedy())
                .param("at", Timestamps.utc(at)).update();
    }

    /** The latest finished form wins (a reopened complaint is finished anew, INT-19). */
    void finished(ComplaintFinished f, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint (ticket_id, ticket_number, complaint_id, category, responsible_department, remedy,
                    customer_class, content_group, handling, escalation_level, penalised, major, finished_at,
                    updated_at)
                VALUES (:ticket, :number, :complaint, :category, :department, :remedy, :class, :content, :handling,
                    :escalation, :penalised, :major, :occurred, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    ticket_number = COALESCE(complaint.ticket_number, EXCLUDED.ticket_number),
                    complaint_id = COALESCE(EXCLUDED.complaint_id, complaint.complaint_id),
                    category = COALESCE(complaint.category, EXCLUDED.category),
                    responsible_department = COALESCE(EXCLUDED.responsible_department, complaint.responsible_department),
                    remedy = COALESCE(EXCLUDED.remedy, complaint.remedy),
                    customer_class = EXCLUDED.customer_class, content_group = EXCLUDED.content_group,
                    handling = EXCLUDED.handling, escalation_level = EXCLUDED.escalation_level,
                    penalised = EXCLUDED.penalised, major = EXCLUDED.major, finished_at = EXCLUDED.finished_at,
                    updated_at = EXCLUDED.updated_at
                WHERE complaint.finished_at IS NULL OR complaint.finished_at <= EXCLUDED.finished_at
                """)
                .param("ticket", f.ticketId()).param("number", f.ticketNumber()).param("complaint", f.complaintId())
                .param("category", f.category()).param("department", f.responsibleDepartment())
                .param("remedy", f.remedy()).param("class", f.customerClass())
                .param("content", f.contentGroup().name()).param("handling", f.handling().name())
                .param("escalation", f.escalationLevel()).param("penalised", f.penalised())
                .param("major", f.major()).param("occurred", Timestamps.utc(f.occurredAt()))
                .param("at", Timestamps.utc(at)).update();
    }

    void closed(TicketClosed c, Instant at) {
        jdbc.sql("UPDATE complaint SET closed_at = :closed, updated_at = :at WHERE ticket_id = :ticket")
                .param("ticket", c.ticketId()).param("closed", Timestamps.utc(c.occurredAt()))
                .param("at", Timestamps.utc(at)).update();
    }

    /** The latest revisit of the ticket wins. */
    void revisited(UUID ticketId, Satisfaction satisfaction, Instant revisitedAt, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint_revisit (ticket_id, satisfaction, revisited_at, updated_at)
                VALUES (:ticket, :satisfaction, :revisited, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET satisfaction = EXCLUDED.satisfaction,
                    revisited_at = EXCLUDED.revisited_at, updated_at = EXCLUDED.updated_at
                WHERE complaint_revisit.revisited_at <= EXCLUDED.revisited_at
                """)
                .param("ticket", ticketId).param("satisfaction", satisfaction.name())
                .param("revisited", Timestamps.utc(revisitedAt)).param("at", Timestamps.utc(at)).update();
    }

    /** Complaints registered in [start, end), oldest first. */
    List<ComplaintLine> registeredBetween(Instant start, Instant end) {
        return jdbc.sql("""
                SELECT c.*, r.satisfaction, f.region, f.customer_id
                  FROM complaint c
                  LEFT JOIN complaint_revisit r ON r.ticket_id = c.ticket_id
                  LEFT JOIN ticket_fact f ON f.ticket_id = c.ticket_id
                 WHERE c.registered_at >= :start AND c.registered_at < :end
                 ORDER BY c.registered_at, c.ticket_number
                """)
                .param("start", Timestamps.utc(start)).param("end", Timestamps.utc(end)).query(this::map).list();
    }

    private ComplaintLine map(ResultSet rs, int row) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        return new ComplaintLine(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                Timestamps.instant(rs, "registered_at"), rs.getString("category"), rs.getString("channel"),
                rs.getString("product_model"), rs.getString("region"), rs.getObject("customer_id", UUID.class),
                rs.getString("customer_class"), rs.getString("content_group"), rs.getString("handling"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                rs.getString("responsible_department"), rs.getString("remedy"),
                rs.getObject("escalation_level", Integer.class), rs.getObject("major", Boolean.class),
                rs.getObject("penalised", Boolean.class), Timestamps.instant(rs, "finished_at"),
                Timestamps.instant(rs, "closed_at"));
    }
}
