package com.opensvc.aftersales.dispatch.partsalert;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The parts alerts (table parts_alert, V17): opened, updated while open, closed; never deleted (its trigger). */
@Repository
@RequiredArgsConstructor
class PartsAlertRepository {
    private static final TypeReference<List<PartsAlert.Line>> LINES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** @return true when the alert opened; false when the reservation's refusal is already open (EVT-04) */
    boolean openRequestRejected(PartsRequestRejected rejected) {
        List<PartsAlert.Line> lines = rejected.lines().stream()
                .map(l -> new PartsAlert.Line(l.partNumber(), l.quantity())).toList();
        return jdbc.sql("""
                INSERT INTO parts_alert (id, kind, work_order_id, ticket_id, technician, reason, reservation_id,
                    from_location, lines, raised_by, raised_at, last_raised_at)
                VALUES (:id, 'REQUEST_REJECTED', :workOrder, :ticket, :technician, :reason, :reservation, :location,
                    CAST(:lines AS jsonb), :actor, :at, :at)
                ON CONFLICT (reservation_id) WHERE kind = 'REQUEST_REJECTED' AND closed_at IS NULL DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("workOrder", rejected.workOrderId())
                .param("ticket", rejected.ticketId()).param("technician", rejected.technicianId())
                .param("reason", rejected.reason()).param("reservation", rejected.reservationId())
                .param("location", rejected.fromLocation()).param("lines", json.writeValueAsString(lines))
                .param("actor", rejected.actor()).param("at", utc(rejected.occurredAt()))
                .update() == 1;
    }

    /**
     * Opens the loan's WRITE_OFF_BLOCKED alert, or updates the open one with this event's reading and counts it.
     *
     * @return true when the alert opened, false when an open one was updated
     */
    boolean openWriteOffBlocked(PartsWriteOffBlocked blocked) {
        return jdbc.sql("""
                INSERT INTO parts_alert (id, kind, work_order_id, ticket_id, technician, reason, loan_id, part_number,
                    quantity, returned_serial, returned_factory_date, raised_by, raised_at, last_raised_at)
                VALUES (:id, 'WRITE_OFF_BLOCKED', :workOrder, :ticket, :technician, :reason, :loan, :part, :quantity,
                    :serial, :factoryDate, :actor, :at, :at)
                ON CONFLICT (loan_id) WHERE kind = 'WRITE_OFF_BLOCKED' AND closed_at IS NULL DO UPDATE
                   SET reason = EXCLUDED.reason, quantity = EXCLUDED.quantity,
                       returned_serial = EXCLUDED.returned_serial,
                       returned_factory_date = EXCLUDED.returned_factory_date,
                       technician = EXCLUDED.technician,
                       times_raised = parts_alert.times_raised + 1,
                       last_raised_at = GREATEST(parts_alert.last_raised_at, EXCLUDED.last_raised_at)
                RETURNING (xmax = 0) AS inserted
                """)
                .param("id", UUID.randomUUID()).param("workOrder", blocked.workOrderId())
                .param("ticket", blocked.ticketId()).param("technician", blocked.technicianId())
                .param("reason", blocked.reason()).param("loan", blocked.loanId()).param("part", blocked.partNumber())
                .param("quantity", blocked.quantity()).param("serial", blocked.returnedSerial())
                .param("factoryDate", blocked.returnedFactoryDate()).param("actor", blocked.actor())
                .param("at", utc(blocked.occurredAt()))
                .query(Boolean.class).single();
    }

    /** @return the work orders whose open WRITE_OFF_BLOCKED alert of the loan was closed (at most one) */
    List<UUID> closeWriteOffBlocked(UUID loanId, String actor, Instant at, String why) {
        return jdbc.sql("""
                UPDATE parts_alert SET closed_at = :at, closed_by = :actor, close_reason = :why
                 WHERE kind = 'WRITE_OFF_BLOCKED' AND loan_id = :loan AND closed_at IS NULL
                RETURNING work_order_id
                """)
                .param("loan", loanId).param("actor", actor).param("at", utc(at)).param("why", why)
                .query(UUID.class).list();
    }

    /** @return how many open REQUEST_REJECTED alerts of the order were closed */
    int closeRequestsRejected(UUID workOrderId, String actor, Instant at, String why) {
        return jdbc.sql("""
                UPDATE parts_alert SET closed_at = :at, closed_by = :actor, close_reason = :why
                 WHERE kind = 'REQUEST_REJECTED' AND work_order_id = :workOrder AND closed_at IS NULL
                """)
                .param("workOrder", workOrderId).param("actor", actor).param("at", utc(at)).param("why", why)
                .update();
    }

    /** Newest first; each filter applies when not null. */
    PageOf<PartsAlert> search(UUID workOrderId, Boolean open, PartsAlertKind kind, Paging paging) {
        String where = """
                 WHERE (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:open AS boolean) IS NULL OR (closed_at IS NULL) = :open)
                   AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                """;
        String kindName = kind == null ? null : kind.name();
        List<PartsAlert> items = jdbc.sql("SELECT * FROM parts_alert" + where
                        + " ORDER BY raised_at DESC, id LIMIT :limit OFFSET :offset")
                .param("workOrder", workOrderId).param("open", open).param("kind", kindName)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM parts_alert" + where)
                .param("workOrder", workOrderId).param("open", open).param("kind", kindName)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    private PartsAlert map(ResultSet rs, int row) throws SQLException {
        String lines = rs.getString("lines");
        Instant closedAt = instant(rs, "closed_at");
        return new PartsAlert(rs.getObject("id", UUID.class), PartsAlertKind.valueOf(rs.getString("kind")),
                rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("technician"), rs.getString("reason"), rs.getObject("reservation_id", UUID.class),
                rs.getString("from_location"), lines == null ? null : json.readValue(lines, LINES),
                rs.getObject("loan_id", UUID.class), rs.getString("part_number"),
                rs.getObject("quantity", Integer.class), rs.getString("returned_serial"),
                rs.getObject("returned_factory_date", LocalDate.class), rs.getString("raised_by"),
                instant(rs, "raised_at"), rs.getInt("times_raised"), instant(rs, "last_raised_at"), closedAt == null,
                closedAt, rs.getString("closed_by"), rs.getString("close_reason"));
    }
}
