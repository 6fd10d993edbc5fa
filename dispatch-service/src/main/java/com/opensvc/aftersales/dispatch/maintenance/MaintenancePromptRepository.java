package com.opensvc.aftersales.dispatch.maintenance;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes the maintenance-plan prompts. */
@Repository
@RequiredArgsConstructor
class MaintenancePromptRepository {
    private final JdbcClient jdbc;

    /** One prompt per installation work order, however often its closing is seen. */
    void openIfAbsent(WorkOrder installation, Instant at) {
        jdbc.sql("""
                INSERT INTO maintenance_prompt (id, work_order_id, ticket_id, customer_id, installed_product_id,
                    product_model, serial_number, region, state, created_at)
                VALUES (:id, :workOrder, :ticket, :customer, :product, :model, :serial, :region, 'OPEN', :at)
                ON CONFLICT (work_order_id) DO NOTHING
                """).param("id", UUID.randomUUID()).param("workOrder", installation.id())
                .param("ticket", installation.ticketId()).param("customer", installation.customerId())
                .param("product", installation.installedProductId()).param("model", installation.productModel())
                .param("serial", installation.serialNumber()).param("region", installation.region())
                .param("at", utc(at)).update();
    }

    /** A plan was created for the product: its open prompts are answered. */
    void planned(UUID installedProductId, UUID planId, String actor, Instant at) {
        jdbc.sql("""
                UPDATE maintenance_prompt SET state = 'PLANNED', plan_id = :plan, closed_at = :at, closed_by = :actor
                 WHERE installed_product_id = :product AND state = 'OPEN'
                """).param("plan", planId).param("at", utc(at)).param("actor", actor)
                .param("product", installedProductId).update();
    }

    /** @return false when the prompt is no longer open */
    boolean dismiss(UUID id, String reason, String actor, Instant at) {
        return jdbc.sql("""
                UPDATE maintenance_prompt SET state = 'DISMISSED', dismissal_reason = :reason, closed_at = :at,
                       closed_by = :actor
                 WHERE id = :id AND state = 'OPEN'
                """).param("id", id).param("reason", reason).param("at", utc(at)).param("actor", actor)
                .update() == 1;
    }

    Optional<MaintenancePrompt> find(UUID id) {
        return jdbc.sql("SELECT * FROM maintenance_prompt WHERE id = :id").param("id", id)
                .query(MaintenancePromptRepository::map).optional();
    }

    PageOf<MaintenancePrompt> search(MaintenancePrompt.State state, UUID installedProductId, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:product AS uuid) IS NULL OR installed_product_id = :product)
                """;
        String stateName = state == null ? null : state.name();
        List<MaintenancePrompt> prompts = jdbc.sql("SELECT * FROM maintenance_prompt" + where
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("product", installedProductId)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(MaintenancePromptRepository::map).list();
        long total = jdbc.sql("SELECT count(*) FROM maintenance_prompt" + where).param("state", stateName)
                .param("product", installedProductId).query(Long.class).single();
        return paging.of(prompts, total);
    }

    private static MaintenancePrompt map(ResultSet rs, int row) throws SQLException {
        return new MaintenancePrompt(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("region"),
                MaintenancePrompt.State.valueOf(rs.getString("state")), instant(rs, "created_at"),
                instant(rs, "closed_at"), rs.getString("closed_by"), rs.getObject("plan_id", UUID.class),
                rs.getString("dismissal_reason"));
    }
}
