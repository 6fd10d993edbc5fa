package com.opensvc.aftersales.parts.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes reservations (PRT-01); {@link #save} writes the reservation, its lines and its events. */
@Repository
@RequiredArgsConstructor
class ReservationRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** Writes the reservation as the change left it, and appends its events to the outbox (EVT-01). */
    void save(ReservationChange change) {
        Reservation r = change.reservation();
        jdbc.sql("""
                INSERT INTO reservation (id, work_order_id, ticket_id, technician, location, status, value, currency,
                    approval_required, requested_by, decided_by, decided_at, rejection_reason, created_at, updated_at,
                    version)
                VALUES (:id, :workOrder, :ticket, :tech, :location, :status, :value, :currency, :approval, :requestedBy,
                    :decidedBy, :decidedAt, :reason, :createdAt, :updatedAt, :version)
                ON CONFLICT (id) DO UPDATE SET technician = :tech, status = :status, decided_by = :decidedBy,
                    decided_at = :decidedAt, rejection_reason = :reason, updated_at = :updatedAt, version = :version
                """)
                .param("id", r.id()).param("workOrder", r.workOrderId()).param("ticket", r.ticketId())
                .param("tech", r.technicianId()).param("location", r.fromLocation()).param("status", r.status().name())
                .param("value", r.value()).param("currency", r.currency()).param("approval", r.approvalRequired())
                .param("requestedBy", r.requestedBy()).param("decidedBy", r.decidedBy())
                .param("decidedAt", Timestamps.utc(r.decidedAt())).param("reason", r.rejectionReason())
                .param("createdAt", Timestamps.utc(r.createdAt())).param("updatedAt", Timestamps.utc(r.updatedAt()))
                .param("version", r.version()).update();
        for (Reservation.Line line : r.lines()) {
            jdbc.sql("""
                    INSERT INTO reservation_line (reservation_id, part_number, quantity, reserved, issued, unit_price)
                    VALUES (:id, :part, :qty, :reserved, :issued, :price)
                    ON CONFLICT (reservation_id, part_number) DO UPDATE SET reserved = :reserved, issued = :issued
                    """)
                    .param("id", r.id()).param("part", line.partNumber()).param("qty", line.quantity())
                    .param("reserved", line.reserved()).param("issued", line.issued())
                    .param("price", line.unitPrice()).update();
        }
        outbox.appendAll(change.events());
    }

    Optional<Reservation> find(UUID id) {
        return withLines(jdbc.sql("SELECT * FROM reservation WHERE id = :id").param("id", id).query(this::map).list())
                .stream().findFirst();
    }

    Optional<Reservation> findForUpdate(UUID id) {
        return withLines(jdbc.sql("SELECT * FROM reservation WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).list()).stream().findFirst();
    }

    /** The work order's live request (awaiting approval or waiting for stock), row-locked. */
    Optional<Reservation> activeOfWorkOrderForUpdate(UUID workOrderId) {
        return withLines(jdbc.sql("""
                SELECT * FROM reservation WHERE work_order_id = :id
                   AND status IN ('AWAITING_APPROVAL', 'BACKORDERED', 'PARTLY_ISSUED') FOR UPDATE
                """).param("id", workOrderId).query(this::map).list()).stream().findFirst();
    }

    /** Where the work order's live request is reserved (read without a lock, to lock locations in order). */
    Optional<String> activeLocationOfWorkOrder(UUID workOrderId) {
        return jdbc.sql("""
                SELECT location FROM reservation WHERE work_order_id = :id
                   AND status IN ('AWAITING_APPROVAL', 'BACKORDERED', 'PARTLY_ISSUED')
                """).param("id", workOrderId).query(String.class).optional();
    }

    Optional<String> locationOf(UUID id) {
        return jdbc.sql("SELECT location FROM reservation WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    List<Reservation> search(ReservationState status, String location, UUID workOrderId, String technician,
                             Paging paging) {
        return withLines(jdbc.sql("""
                SELECT * FROM reservation
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:location AS text) IS NULL OR location = :location)
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:tech AS text) IS NULL OR technician = :tech)
                 ORDER BY seq LIMIT :limit OFFSET :offset
                """)
                .param("status", status == null ? null : status.name()).param("location", location)
                .param("workOrder", workOrderId).param("tech", technician)
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list());
    }

    long count(ReservationState status, String location, UUID workOrderId, String technician) {
        return jdbc.sql("""
                SELECT count(*) FROM reservation
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:location AS text) IS NULL OR location = :location)
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:tech AS text) IS NULL OR technician = :tech)
                """)
                .param("status", status == null ? null : status.name()).param("location", location)
                .param("workOrder", workOrderId).param("tech", technician).query(Long.class).single();
    }

    private List<Reservation> withLines(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return reservations;
        }
        Map<UUID, List<Reservation.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM reservation_line WHERE reservation_id IN (:ids) ORDER BY part_number")
                .param("ids", reservations.stream().map(Reservation::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("reservation_id", UUID.class), k -> new ArrayList<>())
                            .add(new Reservation.Line(rs.getString("part_number"), rs.getInt("quantity"),
                                    rs.getInt("reserved"), rs.getInt("issued"), rs.getBigDecimal("unit_price")));
                });
        return reservations.stream().map(r -> r.withLines(lines.getOrDefault(r.id(), List.of()))).toList();
    }

    private Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("technician"), rs.getString("location"),
                ReservationState.valueOf(rs.getString("status")), List.of(), rs.getBigDecimal("value"), rs.getString("currency"),
                rs.getBoolean("approval_required"), rs.getString("requested_by"), rs.getString("decided_by"),
                Timestamps.instant(rs, "decided_at"), rs.getString("rejection_reason"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
