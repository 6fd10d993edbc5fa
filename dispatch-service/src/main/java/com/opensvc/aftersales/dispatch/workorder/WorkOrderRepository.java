package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.Visit;
import com.opensvc.aftersales.messaging.OutboxWriter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class WorkOrderRepository {
    private static final TypeReference<List<PartLine>> PARTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /**
     * Writes a change in the caller's transaction: the work order's row, its visit, its history lines and the outbox
     * rows of its events (EVT-01).
     *
     * @return false, having written nothing, when the change opens a work order for a ticket that already has one (DSP-01)
     */
    boolean save(WorkOrderChange change) {
        WorkOrder workOrder = change.workOrder();
        if (change.opens()) {
            if (!insertIfAbsent(workOrder)) {
                return false;
            }
        } else {
            update(workOrder);
        }
        change.visits().forEach(this::insertVisit);
        change.history().forEach(line -> recordHistory(workOrder.id(), line));
        outbox.appendAll(change.events());
        return true;
    }

    Optional<WorkOrder> find(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<WorkOrder> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    List<WorkOrder> search(UUID ticketId, String technician, int limit, long offset) {
        return jdbc.sql("""
                SELECT * FROM work_order
                 WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                   AND (CAST(:technician AS text) IS NULL OR technician = :technician)
                 ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("technician", technician).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    int countVisits(UUID workOrderId) {
        return jdbc.sql("SELECT count(*) FROM visit WHERE work_order_id = :id").param("id", workOrderId)
                .query(Integer.class).single();
    }

    void recordHistory(UUID workOrderId, HistoryLine line) {
        jdbc.sql("""
                INSERT INTO work_order_history (work_order_id, at, actor, action, from_state, to_state)
                VALUES (:id, :at, :actor, :action, :from, :to)
                """)
                .param("id", workOrderId).param("at", utc(line.at())).param("actor", line.actor())
                .param("action", line.action()).param("from", name(line.from())).param("to", name(line.to()))
                .update();
    }

    private boolean insertIfAbsent(WorkOrder w) {
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

    /** The columns a transition changes; the row is locked ({@link #findForUpdate}) or was inserted by this transaction. */
    private void update(WorkOrder w) {
        jdbc.sql("""
                UPDATE work_order
                   SET state = :state, proposed_technician = :proposed, technician = :technician,
                       assigned_at = :assigned, closed_at = :closed, arrived_at = :arrived,
                       work_started_at = :workStarted, version = :version
                 WHERE id = :id
                """)
                .param("id", w.id()).param("state", w.state().name()).param("proposed", w.proposedTechnician())
                .param("technician", w.technician()).param("assigned", utc(w.assignedAt()))
                .param("closed", utc(w.closedAt())).param("arrived", utc(w.arrivedAt()))
                .param("workStarted", utc(w.workStartedAt())).param("version", w.version())
                .update();
    }

    private void insertVisit(Visit visit) {
        RecordVisitRequest report = visit.report();
        jdbc.sql("""
                INSERT INTO visit (id, work_order_id, technician, outcome, symptom, cause_code, actions, parts_used,
                    labour_minutes, customer_confirmation, recorded_at)
                VALUES (:id, :workOrder, :tech, :outcome, :symptom, :cause, :actions, CAST(:parts AS jsonb), :labour,
                    :confirmation, :at)
                """)
                .param("id", visit.id()).param("workOrder", visit.workOrderId()).param("tech", visit.technician())
                .param("outcome", report.outcome().name()).param("symptom", report.symptom())
                .param("cause", report.causeCode()).param("actions", report.actions())
                .param("parts", json.writeValueAsString(report.partsUsed())).param("labour", report.labourMinutes())
                .param("confirmation", report.customerConfirmation()).param("at", utc(visit.recordedAt())).update();
    }

    private WorkOrder map(ResultSet rs, int row) throws SQLException {
        return new WorkOrder.Builder().id(rs.getObject("id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .ticketNumber(rs.getString("ticket_number")).serviceType(rs.getString("service_type"))
                .productLine(rs.getString("product_line")).productModel(rs.getString("product_model"))
                .serialNumber(rs.getString("serial_number")).region(rs.getString("region"))
                .entitlement(rs.getString("entitlement")).priority(rs.getString("priority"))
                .expectedParts(json.readValue(rs.getString("expected_parts"), PARTS))
                .state(WorkOrderState.valueOf(rs.getString("state")))
                .proposedTechnician(rs.getString("proposed_technician")).technician(rs.getString("technician"))
                .createdAt(instant(rs, "created_at")).assignedAt(instant(rs, "assigned_at"))
                .closedAt(instant(rs, "closed_at")).version(rs.getInt("version"))
                .arrivedAt(instant(rs, "arrived_at")).workStartedAt(instant(rs, "work_started_at"))
                .build();
    }

    private static String name(WorkOrderState state) {
        return state == null ? null : state.name();
    }
}
