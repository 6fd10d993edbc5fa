package com.opensvc.aftersales.dispatch.workorder;

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

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class WorkOrderRepository {
    private static final TypeReference<List<PartLine>> PARTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public WorkOrderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when the ticket already has its work order (DSP-01) */
    public boolean insertIfAbsent(WorkOrder w) {
        return jdbc.sql("""
                INSERT INTO work_order (id, ticket_id, ticket_number, service_type, product_line, product_model,
                    serial_number, region, entitlement, priority, expected_parts, state, created_at)
                VALUES (:id, :ticket, :number, :serviceType, :line, :model, :serial, :region, :entitlement, :priority,
                    CAST(:parts AS jsonb), :state, :at)
                ON CONFLICT (ticket_id) DO NOTHING
                """)
                .param("id", w.id()).param("ticket", w.ticketId()).param("number", w.ticketNumber())
                .param("serviceType", w.serviceType()).param("line", w.productLine()).param("model", w.productModel())
                .param("serial", w.serialNumber()).param("region", w.region()).param("entitlement", w.entitlement())
                .param("priority", w.priority()).param("parts", json.writeValueAsString(w.expectedParts()))
                .param("state", w.state().name()).param("at", utc(w.createdAt()))
                .update() == 1;
    }

    public Optional<WorkOrder> find(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<WorkOrder> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<WorkOrder> findByTicketForUpdate(UUID ticketId) {
        return jdbc.sql("SELECT * FROM work_order WHERE ticket_id = :ticket FOR UPDATE").param("ticket", ticketId)
                .query(this::map).optional();
    }

    public List<WorkOrder> search(UUID ticketId, String technician, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM work_order
                 WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                   AND (CAST(:technician AS text) IS NULL OR technician = :technician)
                 ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("technician", technician).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    public void propose(UUID id, String technician) {
        jdbc.sql("UPDATE work_order SET proposed_technician = :tech WHERE id = :id").param("id", id).param("tech", technician).update();
    }

    public void assign(UUID id, String technician, WorkOrderState state, Instant at) {
        jdbc.sql("""
                UPDATE work_order SET technician = :tech, state = :state, assigned_at = :at, version = version + 1
                 WHERE id = :id
                """)
                .param("id", id).param("tech", technician).param("state", state.name()).param("at", utc(at)).update();
    }

    public void changeState(UUID id, WorkOrderState state, Instant at) {
        jdbc.sql("""
                UPDATE work_order SET state = :state, version = version + 1,
                       closed_at = CASE WHEN :state IN ('COMPLETED', 'CANCELLED') THEN :at ELSE closed_at END
                 WHERE id = :id
                """)
                .param("id", id).param("state", state.name()).param("at", utc(at)).update();
    }

    public void recordHistory(UUID id, Instant at, String actor, String action, WorkOrderState from, WorkOrderState to) {
        jdbc.sql("""
                INSERT INTO work_order_history (work_order_id, at, actor, action, from_state, to_state)
                VALUES (:id, :at, :actor, :action, :from, :to)
                """)
                .param("id", id).param("at", utc(at)).param("actor", actor).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name()).update();
    }

    public void insertVisit(UUID id, UUID workOrderId, String technician, RecordVisitRequest visit, Instant at) {
        jdbc.sql("""
                INSERT INTO visit (id, work_order_id, technician, outcome, symptom, cause_code, actions, parts_used,
                    labour_minutes, customer_confirmation, recorded_at)
                VALUES (:id, :workOrder, :tech, :outcome, :symptom, :cause, :actions, CAST(:parts AS jsonb), :labour,
                    :confirmation, :at)
                """)
                .param("id", id).param("workOrder", workOrderId).param("tech", technician)
                .param("outcome", visit.outcome().name()).param("symptom", visit.symptom())
                .param("cause", visit.causeCode()).param("actions", visit.actions())
                .param("parts", json.writeValueAsString(visit.partsUsed())).param("labour", visit.labourMinutes())
                .param("confirmation", visit.customerConfirmation()).param("at", utc(at)).update();
    }

    public int countVisits(UUID workOrderId) {
        return jdbc.sql("SELECT count(*) FROM visit WHERE work_order_id = :id").param("id", workOrderId)
                .query(Integer.class).single();
    }

    /** DSP-08: the technician is on site. */
    public void markArrived(UUID id, Instant at) {
        jdbc.sql("UPDATE work_order SET arrived_at = :at, version = version + 1 WHERE id = :id AND arrived_at IS NULL")
                .param("id", id).param("at", utc(at)).update();
    }

    /** DSP-08: work on site has started. */
    public void markWorkStarted(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE work_order SET work_started_at = :at, version = version + 1
                 WHERE id = :id AND work_started_at IS NULL
                """)
                .param("id", id).param("at", utc(at)).update();
    }

    private WorkOrder map(ResultSet rs, int row) throws SQLException {
        return new WorkOrder(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), rs.getString("service_type"), rs.getString("product_line"),
                rs.getString("product_model"), rs.getString("serial_number"), rs.getString("region"),
                rs.getString("entitlement"), rs.getString("priority"),
                json.readValue(rs.getString("expected_parts"), PARTS), WorkOrderState.valueOf(rs.getString("state")),
                rs.getString("proposed_technician"), rs.getString("technician"), instant(rs, "created_at"),
                instant(rs, "assigned_at"), instant(rs, "closed_at"), rs.getInt("version"),
                instant(rs, "arrived_at"), instant(rs, "work_started_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
