package com.opensvc.aftersales.dispatch.appointment;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code appointment} and {@code late_notice} (both append-only). */
@Repository
@RequiredArgsConstructor
class AppointmentRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /**
     * Writes the new version and its VisitScheduled outbox row in the caller's transaction (EVT-01). A version with the
     * same {@code seq} written concurrently makes this fail with a duplicate key: one booking wins.
     */
    void save(Appointment.Change change) {
        Appointment a = change.version();
        jdbc.sql("""
                INSERT INTO appointment (id, work_order_id, ticket_id, seq, technician, window_start, window_end,
                    requested_by, reason, confirmed_with, note, rescheduled, actor, recorded_at)
                VALUES (:id, :workOrder, :ticket, :seq, :technician, :start, :end, :requestedBy, :reason,
                    :confirmedWith, :note, :rescheduled, :actor, :at)
                """)
                .param("id", a.id()).param("workOrder", a.workOrderId()).param("ticket", a.ticketId())
                .param("seq", a.seq()).param("technician", a.technician()).param("start", utc(a.windowStart()))
                .param("end", utc(a.windowEnd())).param("requestedBy", a.requestedBy().name())
                .param("reason", a.reason()).param("confirmedWith", a.confirmedWith()).param("note", a.note())
                .param("rescheduled", a.rescheduled()).param("actor", a.actor()).param("at", utc(a.recordedAt()))
                .update();
        outbox.append(change.event());
    }

    void save(LateNotice.Change change) {
        LateNotice n = change.notice();
        jdbc.sql("""
                INSERT INTO late_notice (id, work_order_id, ticket_id, technician, expected_arrival, reason,
                    customer_informed, actor, recorded_at)
                VALUES (:id, :workOrder, :ticket, :technician, :expected, :reason, :informed, :actor, :at)
                """)
                .param("id", n.id()).param("workOrder", n.workOrderId()).param("ticket", n.ticketId())
                .param("technician", n.technician()).param("expected", utc(n.expectedArrival()))
                .param("reason", n.reason()).param("informed", n.customerInformed()).param("actor", n.actor())
                .param("at", utc(n.recordedAt())).update();
        outbox.append(change.event());
    }

    /** The order's newest version, whoever booked it. */
    Optional<Appointment> latest(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM appointment WHERE work_order_id = :id ORDER BY seq DESC LIMIT 1")
                .param("id", workOrderId).query(this::map).optional();
    }

    /** Every version of the order's appointment, newest first. */
    PageOf<Appointment> versions(UUID workOrderId, Paging paging) {
        var items = jdbc.sql("SELECT * FROM appointment WHERE work_order_id = :id ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("id", workOrderId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM appointment WHERE work_order_id = :id").param("id", workOrderId)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    /** The order's late notices, newest first. */
    PageOf<LateNotice> lateNotices(UUID workOrderId, Paging paging) {
        var items = jdbc.sql("""
                        SELECT * FROM late_notice WHERE work_order_id = :id ORDER BY recorded_at DESC, id
                         LIMIT :limit OFFSET :offset
                        """)
                .param("id", workOrderId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::mapNotice).list();
        long total = jdbc.sql("SELECT count(*) FROM late_notice WHERE work_order_id = :id").param("id", workOrderId)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    private Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getInt("seq"), rs.getString("technician"),
                instant(rs, "window_start"), instant(rs, "window_end"), RequestedBy.valueOf(rs.getString("requested_by")),
                rs.getString("reason"), rs.getString("confirmed_with"), rs.getString("note"),
                rs.getBoolean("rescheduled"), rs.getString("actor"), instant(rs, "recorded_at"));
    }

    private LateNotice mapNotice(ResultSet rs, int row) throws SQLException {
        return new LateNotice(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("technician"), instant(rs, "expected_arrival"),
                rs.getString("reason"), rs.getBoolean("customer_informed"), rs.getString("actor"),
                instant(rs, "recorded_at"));
    }
}
