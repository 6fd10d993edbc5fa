package com.opensvc.aftersales.parts.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class BackorderRepository {
    private final JdbcClient jdbc;

    void insert(Backorder backorder) {
        jdbc.sql("""
                INSERT INTO backorder (id, work_order_id, ticket_id, technician, location, created_at, expected_date,
                    status, reservation_id)
                VALUES (:id, :workOrder, :ticket, :tech, :location, :at, :expected, :status, :reservation)
                """)
                .param("reservation", backorder.reservationId())
                .param("id", backorder.id()).param("workOrder", backorder.workOrderId())
                .param("ticket", backorder.ticketId()).param("tech", backorder.technician())
                .param("location", backorder.location()).param("at", Timestamps.utc(backorder.createdAt()))
                .param("expected", backorder.expectedDate()).param("status", backorder.status().name()).update();
        for (Backorder.Line line : backorder.lines()) {
            jdbc.sql("""
                    INSERT INTO backorder_line (backorder_id, part_number, quantity, available)
                    VALUES (:id, :part, :qty, :available)
                    """)
                    .param("id", backorder.id()).param("part", line.partNumber()).param("qty", line.quantity())
                    .param("available", line.available()).update();
        }
    }

    /** @param sourceDocumentId the receipt or transfer whose stock filled it */
    void markFilled(UUID id, UUID sourceDocumentId, Instant at) {
        jdbc.sql("UPDATE backorder SET status = 'FILLED', closed_at = :at, filled_by = :receipt WHERE id = :id AND status = 'OPEN'")
                .param("id", id).param("receipt", sourceDocumentId).param("at", Timestamps.utc(at)).update();
    }

    /** The reservation's open backorder is closed with it (superseded, or rejected). */
    void supersedeOfReservation(UUID reservationId, Instant at) {
        jdbc.sql("UPDATE backorder SET status = 'SUPERSEDED', closed_at = :at WHERE reservation_id = :id AND status = 'OPEN'")
                .param("id", reservationId).param("at", Timestamps.utc(at)).update();
    }

    /** DSP-02: the reservation's open backorder now fills to the technician the work order went to. */
    void retargetOfReservation(UUID reservationId, String technician) {
        jdbc.sql("UPDATE backorder SET technician = :tech WHERE reservation_id = :id AND status = 'OPEN'")
                .param("id", reservationId).param("tech", technician).update();
    }

    /** The open backorders at a location, first come first served, row-locked. */
    List<Backorder> openForUpdate(String location) {
        List<Backorder> open = jdbc.sql("""
                SELECT * FROM backorder WHERE location = :location AND status = 'OPEN'
                 ORDER BY seq FOR UPDATE
                """)
                .param("location", location).query(this::map).list();
        return withLines(open);
    }

    List<Backorder> filledBy(UUID sourceDocumentId) {
        return withLines(jdbc.sql("SELECT * FROM backorder WHERE filled_by = :receipt ORDER BY created_at, seq")
                .param("receipt", sourceDocumentId).query(this::map).list());
    }

    List<Backorder> search(String location, UUID workOrderId, BackorderStatus status, Paging paging) {
        return withLines(jdbc.sql("""
                SELECT * FROM backorder
                 WHERE (CAST(:location AS text) IS NULL OR location = :location)
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                 ORDER BY created_at, seq LIMIT :limit OFFSET :offset
                """)
                .param("location", location).param("workOrder", workOrderId)
                .param("status", status == null ? null : status.name())
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list());
    }

    long count(String location, UUID workOrderId, BackorderStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM backorder
                 WHERE (CAST(:location AS text) IS NULL OR location = :location)
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                """)
                .param("location", location).param("workOrder", workOrderId)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    private List<Backorder> withLines(List<Backorder> backorders) {
        if (backorders.isEmpty()) {
            return backorders;
        }
        Map<UUID, List<Backorder.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM backorder_line WHERE backorder_id IN (:ids) ORDER BY part_number")
                .param("ids", backorders.stream().map(Backorder::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("backorder_id", UUID.class), k -> new ArrayList<>())
                            .add(new Backorder.Line(rs.getString("part_number"), rs.getInt("quantity"),
                                    rs.getInt("available")));
                });
        return backorders.stream().map(b -> b.withLines(lines.getOrDefault(b.id(), List.of()))).toList();
    }

    private Backorder map(ResultSet rs, int row) throws SQLException {
        return new Backorder(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("technician"), rs.getString("location"),
                List.of(), rs.getObject("expected_date", LocalDate.class),
                BackorderStatus.valueOf(rs.getString("status")), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "closed_at"), rs.getObject("filled_by", UUID.class),
                rs.getObject("reservation_id", UUID.class));
    }
}
