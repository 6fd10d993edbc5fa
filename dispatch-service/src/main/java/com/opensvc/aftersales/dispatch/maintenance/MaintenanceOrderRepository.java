package com.opensvc.aftersales.dispatch.maintenance;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes maintenance orders, inspection records and the schedules' progress. */
@Repository
@RequiredArgsConstructor
class MaintenanceOrderRepository {
    private static final TypeReference<List<MaintenancePlan.Item>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<InspectionRecord.ItemResult>> RESULTS = new TypeReference<>() {
    };
    private static final TypeReference<List<InspectionRecord.Problem>> PROBLEMS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /** A schedule of an active plan with no order yet for its next due date, and what its order needs. */
    record DueSchedule(UUID scheduleId, UUID planId, ScheduleKind kind, InspectionMode mode, String name,
                       Interval every, LocalDate nextDue, UUID customerId, UUID installedProductId,
                       String productModel, String serialNumber, String region, String technicianId) {
    }

    /**
     * DSP-09: claims up to {@code limit} schedules of active plans due by {@code horizon} with nothing generated yet,
     * locking them. Schedules another transaction holds (another replica's job) are skipped, not waited for; a
     * claimed schedule gets its order in the same transaction. The plan is share-locked: a plan ending right now
     * waits for this run (and cancels what it generated), or has ended and is not claimed.
     */
    List<DueSchedule> claimDue(LocalDate horizon, int limit) {
        return jdbc.sql("""
                SELECT s.id AS schedule_id, s.plan_id, s.kind, s.mode, s.name, s.every, s.next_due, p.customer_id,
                       p.installed_product_id, p.product_model, p.serial_number, p.region, p.technician
                  FROM maintenance_schedule s JOIN maintenance_plan p ON p.id = s.plan_id
                 WHERE p.state = 'ACTIVE' AND s.open_order_id IS NULL AND s.next_due <= :horizon
                 ORDER BY s.next_due, s.id
                 LIMIT :limit
                   FOR UPDATE OF s SKIP LOCKED
                   FOR SHARE OF p
                """).param("horizon", Date.valueOf(horizon)).param("limit", limit)
                .query((rs, row) -> new DueSchedule(rs.getObject("schedule_id", UUID.class),
                        rs.getObject("plan_id", UUID.class), ScheduleKind.valueOf(rs.getString("kind")),
                        InspectionMode.valueOf(rs.getString("mode")), rs.getString("name"),
                        Interval.valueOf(rs.getString("every")), rs.getObject("next_due", LocalDate.class),
                        rs.getObject("customer_id", UUID.class), rs.getObject("installed_product_id", UUID.class),
                        rs.getString("product_model"), rs.getString("serial_number"), rs.getString("region"),
                        rs.getString("technician")))
                .list();
    }

    /**
     * Writes a change in the caller's transaction: the order's row, the inspection record, the schedule's progress
     * and the outbox rows of its events (EVT-01).
     *
     * @return false, having written nothing, when the schedule already has an order for that due date
     */
    boolean save(MaintenanceOrderChange change) {
        MaintenanceOrder order = change.order();
        if (change.opens()) {
            if (!insertIfAbsent(order)) {
                return false;
            }
            jdbc.sql("UPDATE maintenance_schedule SET open_order_id = :order WHERE id = :schedule")
                    .param("order", order.id()).param("schedule", order.scheduleId()).update();
        } else {
            update(order);
        }
        if (change.inspection() != null) {
            insertRecord(change.inspection());
        }
        if (change.nextDue() != null) {
            // DSP-09: the next date moves with the actual completion date, not the old schedule
            jdbc.sql("""
                    UPDATE maintenance_schedule SET next_due = :next, last_completed_on = :done, open_order_id = NULL
                     WHERE id = :schedule AND open_order_id = :order
                    """).param("next", Date.valueOf(change.nextDue()))
                    .param("done", Date.valueOf(order.performedOn())).param("schedule", order.scheduleId())
                    .param("order", order.id()).update();
        }
        outbox.appendAll(change.events());
        return true;
    }

    /** Its plan ended: the schedule keeps no open order. */
    void releaseSchedule(MaintenanceOrder order) {
        jdbc.sql("UPDATE maintenance_schedule SET open_order_id = NULL WHERE id = :schedule AND open_order_id = :order")
                .param("schedule", order.scheduleId()).param("order", order.id()).update();
    }

    private boolean insertIfAbsent(MaintenanceOrder order) {
        return jdbc.sql("""
                INSERT INTO maintenance_order (id, plan_id, schedule_id, kind, mode, name, due_date, customer_id,
                    installed_product_id, product_model, serial_number, region, state, technician, created_at,
                    assigned_at, assigned_by, version)
                VALUES (:id, :plan, :schedule, :kind, :mode, :name, :due, :customer, :product, :model, :serial,
                    :region, :state, :technician, :createdAt, :assignedAt, :assignedBy, :version)
                ON CONFLICT (schedule_id, due_date) DO NOTHING
                """).param("id", order.id()).param("plan", order.planId()).param("schedule", order.scheduleId())
                .param("kind", order.kind().name()).param("mode", order.mode().name()).param("name", order.name())
                .param("due", Date.valueOf(order.dueDate())).param("customer", order.customerId())
                .param("product", order.installedProductId()).param("model", order.productModel())
                .param("serial", order.serialNumber()).param("region", order.region())
                .param("state", order.state().name()).param("technician", order.technicianId())
                .param("createdAt", utc(order.createdAt())).param("assignedAt", utc(order.assignedAt()))
                .param("assignedBy", order.assignedBy()).param("version", order.version()).update() == 1;
    }

    private void update(MaintenanceOrder order) {
        jdbc.sql("""
                UPDATE maintenance_order SET state = :state, technician = :technician, assigned_at = :assignedAt,
                       assigned_by = :assignedBy, performed_on = :performedOn, closed_at = :closedAt,
                       closed_by = :closedBy, inspection_id = :inspection, version = :version
                 WHERE id = :id
                """).param("id", order.id()).param("state", order.state().name())
                .param("technician", order.technicianId()).param("assignedAt", utc(order.assignedAt()))
                .param("assignedBy", order.assignedBy())
                .param("performedOn", order.performedOn() == null ? null : Date.valueOf(order.performedOn()))
                .param("closedAt", utc(order.closedAt())).param("closedBy", order.closedBy())
                .param("inspection", order.inspectionId()).param("version", order.version()).update();
    }

    private void insertRecord(InspectionRecord record) {
        jdbc.sql("""
                INSERT INTO inspection_record (id, maintenance_order_id, plan_id, technician, performed_on, items,
                    problems, confirmation_method, customer_signature, confirmation_code, signed_by, recorded_at)
                VALUES (:id, :order, :plan, :technician, :performedOn, CAST(:items AS jsonb), CAST(:problems AS jsonb),
                    :method, :signature, :code, :signedBy, :at)
                """).param("id", record.id()).param("order", record.maintenanceOrderId())
                .param("plan", record.planId()).param("technician", record.technicianId())
                .param("performedOn", Date.valueOf(record.performedOn()))
                .param("items", json.writeValueAsString(record.items()))
                .param("problems", json.writeValueAsString(record.problems()))
                .param("method", record.confirmation().name()).param("signature", record.customerSignature())
                .param("code", record.confirmationCode()).param("signedBy", record.signedBy())
                .param("at", utc(record.recordedAt())).update();
    }

    private static final String ORDER_SELECT = """
            SELECT o.*, s.every, s.description AS item_description, p.items AS plan_items
              FROM maintenance_order o
              JOIN maintenance_schedule s ON s.id = o.schedule_id
              JOIN maintenance_plan p ON p.id = o.plan_id
            """;

    Optional<MaintenanceOrder> find(UUID id) {
        return jdbc.sql(ORDER_SELECT + " WHERE o.id = :id").param("id", id).query(this::map).optional();
    }

    Optional<MaintenanceOrder> findForUpdate(UUID id) {
        return jdbc.sql(ORDER_SELECT + " WHERE o.id = :id FOR UPDATE OF o").param("id", id).query(this::map)
                .optional();
    }

    /** The plan's open orders, locked (the plan ends). */
    List<MaintenanceOrder> openOfPlanForUpdate(UUID planId) {
        return jdbc.sql(ORDER_SELECT + " WHERE o.plan_id = :plan AND o.state IN ('DUE', 'ASSIGNED') FOR UPDATE OF o")
                .param("plan", planId).query(this::map).list();
    }

    record Filter(MaintenanceOrderState state, UUID planId, String technicianId, String region, LocalDate dueFrom,
                  LocalDate dueTo) {
    }

    PageOf<MaintenanceOrder> search(Filter filter, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR o.state = :state)
                   AND (CAST(:plan AS uuid) IS NULL OR o.plan_id = :plan)
                   AND (CAST(:technician AS text) IS NULL OR o.technician = :technician)
                   AND (CAST(:region AS text) IS NULL OR o.region = :region)
                   AND (CAST(:dueFrom AS date) IS NULL OR o.due_date >= :dueFrom)
                   AND (CAST(:dueTo AS date) IS NULL OR o.due_date <= :dueTo)
                """;
        Map<String, Object> params = new HashMap<>();
        params.put("state", filter.state() == null ? null : filter.state().name());
        params.put("plan", filter.planId());
        params.put("technician", filter.technicianId());
        params.put("region", filter.region());
        params.put("dueFrom", filter.dueFrom() == null ? null : Date.valueOf(filter.dueFrom()));
        params.put("dueTo", filter.dueTo() == null ? null : Date.valueOf(filter.dueTo()));
        List<MaintenanceOrder> orders = jdbc.sql(ORDER_SELECT + where
                        + " ORDER BY o.due_date, o.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM maintenance_order o" + where).params(params)
                .query(Long.class).single();
        return paging.of(orders, total);
    }

    Optional<InspectionRecord> findRecord(UUID id) {
        return jdbc.sql("""
                SELECT r.*, o.customer_id, o.installed_product_id, o.product_model, o.serial_number, o.region, o.kind,
                       o.mode, o.name, o.due_date
                  FROM inspection_record r JOIN maintenance_order o ON o.id = r.maintenance_order_id
                 WHERE r.id = :id
                """).param("id", id).query((rs, row) -> new InspectionRecord(rs.getObject("id", UUID.class),
                        rs.getObject("maintenance_order_id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("customer_id", UUID.class), rs.getObject("installed_product_id", UUID.class),
                        rs.getString("product_model"), rs.getString("serial_number"), rs.getString("region"),
                        ScheduleKind.valueOf(rs.getString("kind")), InspectionMode.valueOf(rs.getString("mode")),
                        rs.getString("name"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("performed_on", LocalDate.class), rs.getString("technician"),
                        json.readValue(rs.getString("items"), RESULTS), json.readValue(rs.getString("problems"), PROBLEMS),
                        InspectionRecord.ConfirmationMethod.valueOf(rs.getString("confirmation_method")),
                        rs.getString("customer_signature"), rs.getString("confirmation_code"),
                        rs.getString("signed_by"), instant(rs, "recorded_at")))
                .optional();
    }

    private MaintenanceOrder map(ResultSet rs, int row) throws SQLException {
        ScheduleKind kind = ScheduleKind.valueOf(rs.getString("kind"));
        List<MaintenancePlan.Item> checklist = kind == ScheduleKind.ITEM
                ? List.of(new MaintenancePlan.Item(rs.getString("name"), rs.getString("item_description")))
                : json.readValue(rs.getString("plan_items"), ITEMS);
        return new MaintenanceOrder(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("schedule_id", UUID.class), kind, InspectionMode.valueOf(rs.getString("mode")),
                rs.getString("name"), Interval.valueOf(rs.getString("every")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("region"), checklist,
                MaintenanceOrderState.valueOf(rs.getString("state")), rs.getString("technician"),
                instant(rs, "created_at"), instant(rs, "assigned_at"), rs.getString("assigned_by"),
                rs.getObject("performed_on", LocalDate.class), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getObject("inspection_id", UUID.class), rs.getInt("version"));
    }
}
