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

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes maintenance plans and their schedules. */
@Repository
@RequiredArgsConstructor
class MaintenancePlanRepository {
    private static final TypeReference<List<MaintenancePlan.Item>> ITEMS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    void insert(MaintenancePlan plan) {
        jdbc.sql("""
                INSERT INTO maintenance_plan (id, customer_id, installed_product_id, product_model, serial_number,
                    region, contract_id, technician, items, state, created_by, created_at, version)
                VALUES (:id, :customer, :product, :model, :serial, :region, :contract, :technician,
                    CAST(:items AS jsonb), :state, :createdBy, :createdAt, 0)
                """).param("id", plan.id()).param("customer", plan.customerId())
                .param("product", plan.installedProductId()).param("model", plan.productModel())
                .param("serial", plan.serialNumber()).param("region", plan.region())
                .param("contract", plan.contractId()).param("technician", plan.technicianId())
                .param("items", json.writeValueAsString(plan.items())).param("state", plan.state().name())
                .param("createdBy", plan.createdBy()).param("createdAt", utc(plan.createdAt())).update();
        for (MaintenancePlan.Schedule schedule : plan.schedules()) {
            jdbc.sql("""
                    INSERT INTO maintenance_schedule (id, plan_id, position, kind, name, description, mode, every,
                        next_due)
                    VALUES (:id, :plan, :position, :kind, :name, :description, :mode, :every, :nextDue)
                    """).param("id", schedule.id()).param("plan", plan.id()).param("position", schedule.position())
                    .param("kind", schedule.kind().name()).param("name", schedule.name())
                    .param("description", schedule.description()).param("mode", schedule.mode().name())
                    .param("every", schedule.every().name()).param("nextDue", Date.valueOf(schedule.nextDue()))
                    .update();
        }
    }

    void updateState(MaintenancePlan plan) {
        jdbc.sql("""
                UPDATE maintenance_plan SET state = :state, state_reason = :reason, state_changed_at = :at,
                       state_changed_by = :actor, version = :version
                 WHERE id = :id
                """).param("id", plan.id()).param("state", plan.state().name()).param("reason", plan.stateReason())
                .param("at", utc(plan.stateChangedAt())).param("actor", plan.stateChangedBy())
                .param("version", plan.version()).update();
    }

    Optional<MaintenancePlan> find(UUID id) {
        return jdbc.sql("SELECT * FROM maintenance_plan WHERE id = :id").param("id", id).query(this::map).optional()
                .map(this::withSchedules);
    }

    Optional<MaintenancePlan> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM maintenance_plan WHERE id = :id FOR UPDATE").param("id", id).query(this::map)
                .optional().map(this::withSchedules);
    }

    record Filter(UUID customerId, UUID installedProductId, PlanState state, String region, String technicianId) {
    }

    PageOf<MaintenancePlan> search(Filter filter, Paging paging) {
        List<MaintenancePlan> plans = jdbc.sql("SELECT * FROM maintenance_plan" + WHERE
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params(filter)).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list().stream().map(this::withSchedules).toList();
        long total = jdbc.sql("SELECT count(*) FROM maintenance_plan" + WHERE).params(params(filter))
                .query(Long.class).single();
        return paging.of(plans, total);
    }

    private static final String WHERE = """
             WHERE (CAST(:customer AS uuid) IS NULL OR customer_id = :customer)
               AND (CAST(:product AS uuid) IS NULL OR installed_product_id = :product)
               AND (CAST(:state AS text) IS NULL OR state = :state)
               AND (CAST(:region AS text) IS NULL OR region = :region)
               AND (CAST(:technician AS text) IS NULL OR technician = :technician)
            """;

    private static Map<String, Object> params(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("customer", filter.customerId());
        params.put("product", filter.installedProductId());
        params.put("state", filter.state() == null ? null : filter.state().name());
        params.put("region", filter.region());
        params.put("technician", filter.technicianId());
        return params;
    }

    private MaintenancePlan withSchedules(MaintenancePlan plan) {
        List<MaintenancePlan.Schedule> schedules = jdbc.sql(
                        "SELECT * FROM maintenance_schedule WHERE plan_id = :plan ORDER BY position")
                .param("plan", plan.id()).query(MaintenancePlanRepository::schedule).list();
        return new MaintenancePlan(plan.id(), plan.customerId(), plan.installedProductId(), plan.productModel(),
                plan.serialNumber(), plan.region(), plan.contractId(), plan.technicianId(), plan.items(), schedules,
                plan.state(), plan.stateReason(), plan.createdBy(), plan.createdAt(), plan.stateChangedAt(),
                plan.stateChangedBy(), plan.version());
    }

    private static MaintenancePlan.Schedule schedule(ResultSet rs, int row) throws SQLException {
        return new MaintenancePlan.Schedule(rs.getObject("id", UUID.class), rs.getInt("position"),
                ScheduleKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
                InspectionMode.valueOf(rs.getString("mode")), Interval.valueOf(rs.getString("every")),
                rs.getObject("next_due", LocalDate.class), rs.getObject("open_order_id", UUID.class),
                rs.getObject("last_completed_on", LocalDate.class));
    }

    private MaintenancePlan map(ResultSet rs, int row) throws SQLException {
        return new MaintenancePlan(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("region"), rs.getObject("contract_id", UUID.class),
                rs.getString("technician"), json.readValue(rs.getString("items"), ITEMS), List.of(),
                PlanState.valueOf(rs.getString("state")), rs.getString("state_reason"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "state_changed_at"), rs.getString("state_changed_by"),
                rs.getInt("version"));
    }
}
